import { Composer, InlineKeyboard } from 'grammy';
import { ServiceError } from '../../../src/services/errors';
import { callbackData } from '../callback-data';
import type { BotContext } from '../context';
import { docs } from '../locales/vi';
import { splitMessage } from '../show-screen';

const maxHitChars = 350;

/** /timkiem cụm từ: full-text search over the documents the member may read. */
export function searchFeature() {
  const feature = new Composer<BotContext>();
  feature.command('timkiem', async (ctx) => {
    if (!ctx.member) throw new ServiceError('not_linked');
    const query = ctx.match.trim().normalize('NFC').slice(0, 200);
    if (!query) {
      await ctx.reply(docs.searchUsage);
      return;
    }
    const hits = await ctx.services.searchDocuments({ query, memberId: ctx.member.memberId, limit: 5 }, ctx.actor);
    if (hits.length === 0) {
      await ctx.reply(docs.searchNone(query));
      return;
    }
    const keyboard = new InlineKeyboard();
    const lines = hits.map((h, i) => {
      keyboard.text(docs.searchOpen(i + 1, h.documentNumber, h.sectionPath), callbackData.docSection(h.documentId, h.sectionOrdinal)).row();
      const text = h.text.length > maxHitChars ? `${h.text.slice(0, maxHitChars)}…` : h.text;
      return docs.searchHit(i + 1, { number: h.documentNumber, section: h.sectionPath, text });
    });
    await ctx.reply(splitMessage(`${docs.searchHeader(query)}\n\n${lines.join('\n\n')}`)[0]!, { reply_markup: keyboard });
  });
  return feature;
}
