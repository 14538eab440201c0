import { docs, documentKindNames, zalo } from '../locales/vi';
import type { Turn } from '../turn';
import { callbackData } from '../../telegram/callback-data';
import { requireMember } from './require-member';

/** Documents published to the member's unit, five per page, opened by number. */
export async function listDocuments(turn: Turn, page: number) {
  const member = requireMember(turn);
  const list = await turn.services.listMemberDocuments({ memberId: member.memberId, page }, turn.actor);
  if (list.total === 0) return turn.reply(docs.listEmpty);
  const choices = list.items.map((d) => ({ label: zalo.docOpenChoice(d.number ?? documentKindNames[d.kind], d.title), action: callbackData.docOpen(d.id) }));
  if (list.page < list.pages - 1) choices.push({ label: zalo.docMore, action: callbackData.docList(list.page + 1) });
  await turn.offer(docs.listHeader(list.page + 1, list.pages, list.total), choices);
}

/** The approved summary as text (split at 2,000 characters), then the parts and the study confirmation by number. */
export async function openDocument(turn: Turn, documentId: number) {
  const member = requireMember(turn);
  const d = await turn.services.openMemberDocument({ memberId: member.memberId, documentId }, turn.actor);
  const parts = [docs.header({ ...d, kindName: documentKindNames[d.kind] })];
  parts.push(d.summary ? `${docs.summaryLabel}\n\n${d.summary.map((l) => docs.summaryLine(l.text, l.section)).join('\n\n')}` : docs.summaryPending);
  await turn.reply(parts.join('\n\n'));
  const choices = d.mainSections.map((s) => ({ label: zalo.docSectionChoice(s.path, s.heading), action: callbackData.docFull(d.id, s.ordinal) }));
  if (!d.confirmed) choices.push({ label: zalo.docConfirmChoice, action: callbackData.docConfirm(d.id) });
  if (choices.length > 0) await turn.offer(docs.sectionsHint, choices);
}

/** The full text of one main part, split on paragraph boundaries. */
export async function readSection(turn: Turn, documentId: number, ordinal: number) {
  const member = requireMember(turn);
  const s = await turn.services.readMemberSection({ memberId: member.memberId, documentId, ordinal }, turn.actor);
  const footnotes = s.footnotes.length > 0 ? `\n\n${docs.footnotesLabel}\n${s.footnotes.map((f) => `${f.marker} ${f.text}`).join('\n')}` : '';
  await turn.reply(`${docs.sectionTitle(s.documentNumber, s.section.path, s.section.heading)}\n\n${s.text}${footnotes}`);
}

export async function confirmDocument(turn: Turn, documentId: number) {
  const member = requireMember(turn);
  const { alreadyConfirmed } = await turn.services.confirmStudy({ memberId: member.memberId, documentId }, turn.actor);
  await turn.reply(alreadyConfirmed ? docs.alreadyConfirmed : docs.confirmed);
}
