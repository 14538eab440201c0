import { Composer, InlineKeyboard } from 'grammy';
import type { Services } from '../../../src/services';
import { ServiceError } from '../../../src/services/errors';
import {
  callbackData,
  docConfirmPattern,
  docFullPattern,
  docListPattern,
  docOpenPattern,
  docSectionPattern,
} from '../callback-data';
import type { BotContext } from '../context';
import { docs, documentKindNames } from '../locales/vi';
import { showScreen, splitMessage } from '../show-screen';

function requireMember(ctx: BotContext) {
  if (!ctx.member) throw new ServiceError('not_linked');
  return ctx.member;
}

async function showList(ctx: BotContext, page: number) {
  const member = requireMember(ctx);
  const list = await ctx.services.listMemberDocuments({ memberId: member.memberId, page }, ctx.actor);
  if (list.total === 0) return showScreen(ctx, docs.listEmpty);
  const keyboard = new InlineKeyboard();
  const lines = list.items.map((d, i) => {
    const n = list.page * 5 + i + 1;
    keyboard.text(`${n}. ${d.number ?? documentKindNames[d.kind]}`, callbackData.docOpen(d.id)).row();
    return docs.listItem(n, { ...d, kindName: documentKindNames[d.kind] });
  });
  if (list.page > 0) keyboard.text(docs.previous, callbackData.docList(list.page - 1));
  if (list.page < list.pages - 1) keyboard.text(docs.next, callbackData.docList(list.page + 1));
  await showScreen(ctx, `${docs.listHeader(list.page + 1, list.pages, list.total)}\n\n${lines.join('\n')}`, keyboard);
}

async function showDocument(ctx: BotContext, documentId: number) {
  const member = requireMember(ctx);
  const d = await ctx.services.openMemberDocument({ memberId: member.memberId, documentId }, ctx.actor);
  const parts = [docs.header({ ...d, kindName: documentKindNames[d.kind] })];
  if (d.summary) parts.push(`${docs.summaryLabel}\n${d.summary.map((l) => docs.summaryLine(l.text, l.section)).join('\n')}`);
  else parts.push(docs.summaryPending);
  parts.push(docs.sectionsHint);
  const keyboard = new InlineKeyboard();
  for (const s of d.mainSections) keyboard.text(docs.sectionButton(s.path, s.heading), callbackData.docSection(d.id, s.ordinal)).row();
  keyboard.text(d.confirmed ? docs.confirmedButton : docs.confirmButton, callbackData.docConfirm(d.id));
  const [first, ...rest] = splitMessage(parts.join('\n\n'));
  if (rest.length === 0) return showScreen(ctx, first!, keyboard);
  await showScreen(ctx, first!);
  for (const [i, chunk] of rest.entries()) await ctx.reply(chunk, i === rest.length - 1 ? { reply_markup: keyboard } : {});
}

function sectionKeyboard(documentId: number, s: { previous: number | null; next: number | null; section: { ordinal: number } }, withFullText: boolean) {
  const keyboard = new InlineKeyboard();
  if (withFullText) keyboard.text(docs.fullTextButton, callbackData.docFull(documentId, s.section.ordinal)).row();
  if (s.previous !== null) keyboard.text(docs.previousSection, callbackData.docSection(documentId, s.previous));
  if (s.next !== null) keyboard.text(docs.nextSection, callbackData.docSection(documentId, s.next));
  return keyboard.row().text(docs.backToDocument, callbackData.docOpen(documentId));
}

async function showSection(ctx: BotContext, documentId: number, ordinal: number) {
  const member = requireMember(ctx);
  const s = await ctx.services.readMemberSection({ memberId: member.memberId, documentId, ordinal }, ctx.actor);
  const title = docs.sectionTitle(s.documentNumber, s.section.path, s.section.heading);
  const body = s.summary
    ? `${docs.sectionSummaryLabel}\n${s.summary.map((l) => docs.summaryLine(l.text, l.section)).join('\n')}`
    : docs.sectionSummaryPending;
  await showScreen(ctx, splitMessage(`${title}\n\n${body}`)[0]!, sectionKeyboard(documentId, s, true));
}

async function sendFullText(ctx: BotContext, services: Services, documentId: number, ordinal: number) {
  const member = requireMember(ctx);
  const s = await services.readMemberSection({ memberId: member.memberId, documentId, ordinal }, ctx.actor);
  let text = `${docs.sectionTitle(s.documentNumber, s.section.path, s.section.heading)}\n\n${s.text}`;
  if (s.footnotes.length > 0) text += `\n\n${docs.footnotesLabel}\n${s.footnotes.map((f) => `${f.marker} ${f.text}`).join('\n')}`;
  const chunks = splitMessage(text);
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1;
    await ctx.reply(`${chunk}${docs.fullTextPart(i + 1, chunks.length)}`, last ? { reply_markup: sectionKeyboard(documentId, s, false) } : {});
  }
}

/** /tailieu: documents, approved summaries, sections, full text and the study confirmation. */
export function documentsFeature() {
  const feature = new Composer<BotContext>();
  feature.command('tailieu', (ctx) => showList(ctx, 0));
  feature.callbackQuery(docListPattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showList(ctx, Number(ctx.match[1]));
  });
  feature.callbackQuery(docOpenPattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showDocument(ctx, Number(ctx.match[1]));
  });
  feature.callbackQuery(docSectionPattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showSection(ctx, Number(ctx.match[1]), Number(ctx.match[2]));
  });
  feature.callbackQuery(docFullPattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await sendFullText(ctx, ctx.services, Number(ctx.match[1]), Number(ctx.match[2]));
  });
  feature.callbackQuery(docConfirmPattern, async (ctx) => {
    const member = requireMember(ctx);
    const documentId = Number(ctx.match[1]);
    const { alreadyConfirmed } = await ctx.services.confirmStudy({ memberId: member.memberId, documentId }, ctx.actor);
    await ctx.answerCallbackQuery({ text: alreadyConfirmed ? docs.alreadyConfirmed : docs.confirmed, show_alert: !alreadyConfirmed });
    if (!alreadyConfirmed) await showDocument(ctx, documentId);
  });
  return feature;
}
