import type { Child } from 'hono/jsx';
import { PageHead } from '../../page-head';
import { nav, ui } from './labels';

export type PageName = keyof typeof nav;

/** The document head every dashboard page shares. */
const Head = (props: { title: string }) => <PageHead title={props.title} stylesheet="/dashboard/assets/style.css" />;

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
