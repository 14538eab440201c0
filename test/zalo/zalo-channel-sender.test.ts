import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloClient } from '../../bot/zalo/client';
import { createZaloChannelSender } from '../../bot/zalo/zalo-channel-sender';
import type { ChannelSender } from '../../src/services/outbox/channel-sender';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { startZaloEmulator, type ZaloEmulator } from '../helpers/zalo-api-emulator';

let t: TestDb;
let api: ZaloEmulator;
let sender: ChannelSender;
beforeEach(async () => {
  t = await createTestDb();
  api = await startZaloEmulator();
  sender = createZaloChannelSender({ client: createZaloClient({ token: api.token, apiRoot: api.apiRoot }), services: t.services });
});
afterEach(async () => {
  await api.close();
  t.close();
});

const keyboard = [
  [
    { text: 'Tham dự', data: 'mt:y:7' },
    { text: 'Vắng', data: 'mt:n:7' },
  ],
  [{ text: 'Điểm danh', data: 'mt:c:7' }],
];

describe('the Zalo channel sender', () => {
  it('turns buttons into numbered lines and stores what each number does', async () => {
    expect(await sender.send({ chatId: 'c1', text: 'Thông báo họp', keyboard })).toEqual({ kind: 'sent', messageId: 'zm1' });
    expect(api.sent('c1')).toEqual(['Thông báo họp\n\n1. Tham dự\n2. Vắng\n3. Điểm danh\n\nTrả lời 1, 2 hoặc 3.']);
    expect(await t.services.getChatPrompt({ channel: 'zalo', externalId: 'c1' })).toEqual({ kind: 'zalo_choices', data: { actions: ['mt:y:7', 'mt:n:7', 'mt:c:7'] } });
  });

  it('splits a long message at paragraphs, with the choices in the last part', async () => {
    const text = Array.from({ length: 8 }, (_, i) => `Đoạn ${i + 1}. ${'Nội dung văn bản cần nghiên cứu trước buổi họp. '.repeat(8)}`).join('\n\n');
    expect((await sender.send({ chatId: 'c2', text, keyboard })).kind).toBe('sent');
    const parts = api.sent('c2');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 2000 && /^Đoạn \d+\./.test(p))).toBe(true);
    expect(parts.at(-1)).toMatch(/3\. Điểm danh\n\nTrả lời 1, 2 hoặc 3\.$/);
  });

  it('maps Zalo refusals to outbox results, and never resends a message that went out in part', async () => {
    api.failNext('sendMessage', 429, 1, 7);
    expect(await sender.send({ chatId: 'c3', text: 'x', keyboard: null })).toEqual({ kind: 'rate_limited', retryAfterSeconds: 7 });
    api.failNext('sendMessage', 403);
    expect((await sender.send({ chatId: 'c3', text: 'x', keyboard: null })).kind).toBe('blocked');
    api.failNext('sendMessage', 503);
    expect((await sender.send({ chatId: 'c3', text: 'x', keyboard })).kind).toBe('transient');
    // A refused notice does not replace the member's open prompt.
    expect(await t.services.getChatPrompt({ channel: 'zalo', externalId: 'c3' })).toBeNull();
    const long = `${'a '.repeat(900)}\n\n${'b '.repeat(900)}`;
    const failing = createZaloChannelSender({
      client: createZaloClient({
        token: api.token,
        apiRoot: api.apiRoot,
        fetch: async (url, init) => {
          const res = await fetch(url, init);
          if (api.sent('c4').length === 1) api.failNext('sendMessage', 500);
          return res;
        },
      }),
      services: t.services,
    });
    expect(await failing.send({ chatId: 'c4', text: long, keyboard: null })).toEqual({ kind: 'uncertain', reason: 'partly sent' });
    const gone = await startZaloEmulator();
    await gone.close(); // nothing listens on its port any more
    const client = createZaloClient({ token: api.token, apiRoot: gone.apiRoot });
    const unreachable = createZaloChannelSender({ client, services: t.services });
    expect(await unreachable.send({ chatId: 'c5', text: 'x', keyboard: null })).toEqual({ kind: 'transient', reason: 'network refused' });
  });
});
