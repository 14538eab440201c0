import type { Child } from 'hono/jsx';
import { nav, ui } from './labels';

export type PageName = keyof typeof nav;

/** The document head every dashboard page shares: the stylesheet and no favicon request. */
function Head(props: { title: string }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${props.title} — Chibo`}</title>
      <link rel="stylesheet" href="/dashboard/assets/style.css" />
      <link rel="icon" href="data:," />
    </head>
  );
}

/** The frame of every signed-in page: header, navigation and the sign-out form. */
export function Layout(props: { title: string; current: PageName | null; csrf: string; who: string; children: Child }) {
  return (
    <html lang="vi">
      <Head title={props.title} />
      <body>
        <header>
          <span class="brand">{ui.appName}</span>
          <span>{props.who}</span>
          <form method="post" action="/dashboard/sign-out">
            <input type="hidden" name="_csrf" value={props.csrf} />
            <button type="submit">{ui.signOut}</button>
          </form>
        </header>
        <nav>
          {(Object.keys(nav) as PageName[]).map((page) => (
            <a href={page === 'overview' ? '/dashboard' : `/dashboard/${page}`} aria-current={page === props.current ? 'page' : undefined}>
              {nav[page]}
            </a>
          ))}
        </nav>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A page without navigation: sign-in and error pages. */
export function Bare(props: { title: string; children: Child }) {
  return (
    <html lang="vi">
      <Head title={props.title} />
      <body>
        <header>
          <span class="brand">{ui.appName}</span>
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}
