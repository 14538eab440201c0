import type { Child } from 'hono/jsx';
import { PageHead } from '../page-head';
import { pageText } from './labels';

/** The frame of every member page: one column, large text, no scripts. */
export function MemberPage(props: { title: string; children: Child }) {
  return (
    <html lang="vi">
      <PageHead title={props.title} stylesheet="/m/assets/style.css" noindex />
      <body>
        <header>{pageText.appName}</header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A form that posts back to this link's page with its form token (CSRF). */
export function PageForm(props: { action: string; formToken: string; children: Child }) {
  return (
    <form method="post" action={props.action}>
      <input type="hidden" name="_form" value={props.formToken} />
      {props.children}
    </form>
  );
}
