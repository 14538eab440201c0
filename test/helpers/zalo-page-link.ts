import { zalo } from '../../bot/zalo/locales/vi';

const marker = `\n\n${zalo.pageLink('')}`;

/** A Zalo message without the member-page line appended to it, if any. */
export function withoutPageLink(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const at = text.lastIndexOf(marker);
  return at === -1 ? text : text.slice(0, at);
}
