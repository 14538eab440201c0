import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docs, zalo } from '../../bot/zalo/locales/vi';
import { createZaloTestApp, type ZaloTestApp } from '../helpers/zalo-test-app';

let t: ZaloTestApp;
let documentId: number;
const user = 'zd-1';
const corpus = (name: string) => readFileSync(new URL(`../../../shared/corpus/${name}`, import.meta.url), 'utf8');

beforeEach(async () => {
  t = await createZaloTestApp();
  documentId = (await t.services.importDocument({ text: corpus('nq-tinh-uy-nang-cao-chat-luong-sinh-hoat-dang.txt'), sourceName: 'nq.txt', unitCodes: ['CS1'] })).documentId;
  await t.linkZalo(user, 'M2');
  t.zalo.reset();
});
afterEach(async () => {
  await t.close();
});

const last = () => t.zalo.last(user)!;

describe('documents on Zalo', () => {
  it('lists documents by number, and sends the approved summary and a full part as text of at most 2,000 characters', async () => {
    await t.say(user, '0');
    await t.say(user, '1');
    expect(last()).toContain(docs.listHeader(1, 1, 1));
    expect(last()).toContain('Trả lời 1.');

    // Before approval members see no summary, only that it awaits review.
    await t.say(user, '1');
    expect(t.zalo.sent(user).some((m) => m.includes(docs.summaryPending))).toBe(true);

    await t.services.approveSummary({ documentId }, 'cli');
    t.zalo.reset();
    await t.say(user, '0');
    await t.say(user, '1');
    await t.say(user, '1');
    const messages = t.zalo.sent(user);
    const summary = messages.slice(2, -1).join('\n\n');
    expect(summary).toContain(docs.summaryLabel);
    expect(messages.every((m) => m.length <= 2000)).toBe(true);
    // The part choices and the study confirmation come last, by number.
    const choices = last();
    expect(choices).toContain(docs.sectionsHint);
    expect(choices).toContain(zalo.docConfirmChoice);

    // A long main part arrives in several messages, cut between paragraphs, none over the limit, nothing lost.
    const parts = choices.split('\n').filter((l) => /^\d+\. Đọc toàn văn/.test(l));
    expect(parts.length).toBeGreaterThan(1);
    const memberId = Number((await t.db.all<{ id: number }>(sql`SELECT id FROM members WHERE code = 'M2'`))[0]!.id);
    const { mainSections } = await t.services.openMemberDocument({ memberId, documentId });
    const views = await Promise.all(mainSections.map((m) => t.services.readMemberSection({ memberId, documentId, ordinal: m.ordinal })));
    const longest = views.sort((a, b) => b.text.length - a.text.length)[0]!;
    expect(longest.text.length).toBeGreaterThan(2000);
    const line = parts.find((l) => l.includes(`mục ${longest.section.path}.`))!;
    const before = t.zalo.sent(user).length;
    await t.say(user, line.split('.')[0]!);
    const sent = t.zalo.sent(user).slice(before);
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every((m) => m.length <= 2000)).toBe(true);
    // Nothing lost or repeated: the messages, title aside, are the part's text.
    const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
    const body = sent.join('\n\n').split('\n\n').slice(1).join('\n\n');
    expect(flat(body)).toBe(flat(longest.text));
    // Each message ends where a line of the text ends, never inside a sentence's line.
    const lines = new Set(longest.text.normalize('NFC').split('\n').map((l) => l.trim()));
    for (const m of sent.slice(0, -1)) expect(lines.has(m.split('\n').at(-1)!.trim())).toBe(true);

    // Confirming study is recorded once.
    await t.say(user, '0');
    await t.say(user, '1');
    await t.say(user, '1');
    const confirm = last().split('\n').find((l) => l.endsWith(zalo.docConfirmChoice))!;
    await t.say(user, confirm.split('.')[0]!);
    expect(last()).toBe(docs.confirmed);
    const [study] = await t.db.all<{ confirmed_at: number | null }>(sql`SELECT confirmed_at FROM document_study WHERE document_id = ${documentId}`);
    expect(study?.confirmed_at).not.toBeNull();
  });
});
