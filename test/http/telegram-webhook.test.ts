import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateLeaseMs } from '../../src/services/updates/lease-update';
import { createTestApp, webhookSecret } from '../helpers/test-app';
import { callbackUpdate, textUpdate } from '../helpers/updates';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('POST /webhook/telegram', () => {
  it('handles an update that carries the right secret', async () => {
    const res = await t.post(textUpdate(7001, '/help'));
    expect(res.status).toBe(200);
    expect(t.api.sent()).toHaveLength(1);
    expect(t.api.sent()[0]).toContain('chưa liên kết');
  });

  it.each([
    ['a wrong secret', 'wrong-secret-0123456789'],
    ['no secret', null],
    ['an empty secret', ''],
  ])('answers 401 to %s, writing nothing and calling nothing', async (_label, secret) => {
    const res = await t.post(textUpdate(7001, '/help'), secret);
    expect(res.status).toBe(401);
    expect(t.api.calls).toHaveLength(0);
    expect(await t.count('processed_updates')).toBe(0);
  });

  it('checks the secret before looking at the body', async () => {
    const res = await t.post('{not json', 'wrong-secret-0123456789');
    expect(res.status).toBe(401);
  });

  it('acknowledges a redelivered update without handling it again', async () => {
    const update = textUpdate(7001, '/help');
    expect((await t.post(update)).status).toBe(200);
    const second = await t.post(update);
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ ok: true, duplicate: true });
    expect(t.api.sent()).toHaveLength(1);
    expect(await t.count('processed_updates')).toBe(1);
  });

  it('refuses (503) a redelivery of an update a dead process claimed, and handles it once the lease has run out', async () => {
    const update = textUpdate(7004, '/help');
    // Another process claimed the update and died before handling it.
    expect(await t.services.leaseUpdate({ channel: 'telegram', updateId: update.update_id })).toBe('claimed');
    const early = await t.post(update);
    expect(early.status).toBe(503);
    expect(t.api.sent()).toHaveLength(0);
    t.clock.advance(updateLeaseMs - 1000);
    expect((await t.post(update)).status).toBe(503);
    t.clock.advance(1000);
    expect((await t.post(update)).status).toBe(200);
    expect(t.api.sent()).toHaveLength(1);
    const again = await t.post(update);
    expect(await again.json()).toMatchObject({ ok: true, duplicate: true });
    expect(t.api.sent()).toHaveLength(1);
  });

  it('handles the same update delivered twice at once exactly once', async () => {
    const update = textUpdate(7002, '/help');
    const statuses = await Promise.all([t.post(update), t.post(update), t.post(update)]).then((r) => r.map((x) => x.status));
    expect(statuses).toEqual([200, 200, 200]);
    expect(t.api.sent()).toHaveLength(1);
  });

  it('answers 400 to a body that is not JSON, or not an update, and keeps serving', async () => {
    expect((await t.post('{"update_id": 1,')).status).toBe(400);
    expect((await t.post({ hello: 'world' })).status).toBe(400);
    expect((await t.post({ update_id: -5 })).status).toBe(400);
    expect((await t.post('[]')).status).toBe(400);
    expect(t.api.calls).toHaveLength(0);
    expect((await t.post(textUpdate(7003, '/help'))).status).toBe(200);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await t.post({ update_id: 5, message: { text: 'x'.repeat(1_100_000) } });
    expect(res.status).toBe(413);
    expect(await t.count('processed_updates')).toBe(0);
  });

  it('answers a tap in its HTTP response (a webhook reply Telegram performs), with no Bot API call of its own', async () => {
    const update = callbackUpdate(7006, 'zz:no-such-button');
    const res = await t.chibo.app.request('/webhook/telegram', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': webhookSecret },
      body: JSON.stringify(update),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ method: 'answerCallbackQuery', callback_query_id: update.callback_query.id });
    expect(t.api.calls.filter((c) => c.method === 'answerCallbackQuery')).toEqual([]);
    // A redelivery carries no second answer.
    expect(await (await t.post(update)).json()).toEqual({ ok: true, duplicate: true });
  });

  it('acknowledges an update type the bot does not handle', async () => {
    const res = await t.post({ update_id: 77, poll: { id: '1', question: 'q', options: [] } });
    expect(res.status).toBe(200);
    expect(t.api.sent()).toHaveLength(0);
  });
});

describe('GET /health', () => {
  it('reports database and bot status', async () => {
    t.chibo.setBotMode('webhook');
    const res = await t.chibo.app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', bot: 'webhook' });
  });
});
