import type { Context, Hono } from 'hono';
import type { Services } from '../../services';
import type { MemberLinkPurpose } from '../../services/member-links/link-purposes';
import type { VerifiedMemberLink } from '../../services/member-links/verify-member-link';

/** What a page handler gets: the checked link and, on a post, the parsed form. */
export interface LinkRequest {
  link: VerifiedMemberLink;
  /** `/m/<token>`: the page's own address, the base of its form actions. */
  base: string;
  form: Record<string, string | string[]>;
  actor: string;
}

export type LinkHandler = (c: Context, r: LinkRequest) => Response | Promise<Response>;

/** What each page module gets to register its posts and its page for the purposes it serves. */
export interface MemberRoutes {
  app: Hono;
  services: Services;
  /** Wraps a handler: verifies the link (purpose, form token on posts) and maps failures to pages. */
  withLink: (expect: MemberLinkPurpose[] | undefined, handler: LinkHandler) => (c: Context) => Promise<Response>;
  /** The GET page of each purpose. */
  pages: Partial<Record<MemberLinkPurpose, LinkHandler>>;
}

/** One text field of a posted form (a repeated field counts as invalid). */
export const formText = (form: LinkRequest['form'], name: string): string | undefined => {
  const v = form[name];
  return typeof v === 'string' ? v : undefined;
};
