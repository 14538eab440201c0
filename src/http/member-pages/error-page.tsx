import type { Context } from 'hono';
import { errorTexts } from './labels';
import { MemberPage } from './layout';

export type ErrorStatus = 400 | 403 | 404 | 409 | 410 | 413 | 500;

/** The one error page: a clear sentence and, when there is one, the way back. */
export function errorPage(c: Context, status: ErrorStatus, message: string, back?: string) {
  return c.html(
    <MemberPage title={errorTexts.title}>
      <p class="notice">{message}</p>
      {back && (
        <a class="button" href={back}>
          {errorTexts.backToPage}
        </a>
      )}
    </MemberPage>,
    status,
  );
}
