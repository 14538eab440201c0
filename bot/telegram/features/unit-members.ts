import { Composer } from 'grammy';
import { ServiceError } from '../../../src/services/errors';
import { isOfficer } from '../commands';
import type { BotContext } from '../context';
import { vi } from '../locales/vi';

const maxNamesPerList = 60;

/** /donvi (officers only): who in their unit has linked Telegram and who has not. */
export function unitMembersFeature() {
  const feature = new Composer<BotContext>();
  feature.command('donvi', async (ctx) => {
    const m = ctx.member;
    if (!m) throw new ServiceError('not_linked');
    if (!isOfficer(m.role)) throw new ServiceError('forbidden');
    const people = await ctx.services.listMembers({ unitId: m.unitId }, ctx.actor);
    const linked = people.filter((p) => p.telegramLinked);
    const waiting = people.filter((p) => !p.telegramLinked);
    const list = (names: string[]) => {
      const shown = names.slice(0, maxNamesPerList).map((n) => `• ${n}`);
      if (names.length > maxNamesPerList) shown.push(vi.andMore(names.length - maxNamesPerList));
      return shown.join('\n');
    };
    const parts = [vi.unitMembers(m.unitName, linked.length, people.length)];
    if (waiting.length > 0) parts.push(`${vi.notLinkedHeader}\n${list(waiting.map((p) => p.fullName))}`);
    if (linked.length > 0) parts.push(`${vi.linkedHeader}\n${list(linked.map((p) => p.fullName))}`);
    await ctx.reply(parts.join('\n\n'));
  });
  return feature;
}
