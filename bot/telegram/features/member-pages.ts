import { Composer, InlineKeyboard } from 'grammy';
import { meetingKindNames } from '../../../src/locales/vi-meetings';
import { ServiceError } from '../../../src/services/errors';
import type { MemberLinkItem } from '../../../src/services/member-links/list-member-links';
import { formatDateTime } from '../../../src/time';
import type { BotContext } from '../context';
import { pageLinkLabels, vi } from '../locales/vi';

const label = (item: MemberLinkItem): string => {
  const text =
    item.kind === 'quiz'
      ? pageLinkLabels[item.purpose === 'contest' ? 'contest' : 'quiz'](item.title)
      : item.kind === 'meeting'
        ? pageLinkLabels[item.purpose as 'meeting-reply' | 'check-in' | 'feedback'](`${meetingKindNames[item.meetingKind]} ${formatDateTime(item.startsAt)}`)
        : pageLinkLabels.summary(pageLinkLabels.documentName(item.number, item.title));
  return text.length > 64 ? `${text.slice(0, 63)}…` : text;
};

/**
 * /trang: signed links to the member's own web pages (quizzes, meetings, summaries), for
 * those who prefer a page to chat buttons. Private chats only: the links act as the member.
 * With an https base they are URL buttons; Telegram refuses buttons to a local address,
 * so in development they are plain lines of text.
 */
export function memberPagesFeature(baseUrl: string) {
  const feature = new Composer<BotContext>();
  feature.command('trang', async (ctx) => {
    if (!ctx.member) throw new ServiceError('not_linked');
    if (ctx.chat.type !== 'private') {
      await ctx.reply(vi.pagesPrivateOnly);
      return;
    }
    const items = await ctx.services.listMemberLinks({ memberId: ctx.member.memberId }, ctx.actor);
    if (items.length === 0) {
      await ctx.reply(vi.pagesNone);
      return;
    }
    if (baseUrl.startsWith('https://')) {
      const keyboard = new InlineKeyboard();
      for (const item of items) keyboard.url(label(item), `${baseUrl}${item.path}`).row();
      await ctx.reply(vi.pagesIntro, { reply_markup: keyboard });
      return;
    }
    const lines = items.map((item) => `${label(item)}\n${baseUrl}${item.path}`);
    await ctx.reply(`${vi.pagesIntro}\n\n${lines.join('\n\n')}`, { link_preview_options: { is_disabled: true } });
  });
  return feature;
}
