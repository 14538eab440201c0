/** The document head of the web pages (dashboard, member pages): one stylesheet, no script, no favicon request. */
export function PageHead(props: { title: string; stylesheet: string; noindex?: boolean }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      {props.noindex ? <meta name="robots" content="noindex" /> : null}
      <title>{`${props.title} — Chibo`}</title>
      <link rel="stylesheet" href={props.stylesheet} />
      <link rel="icon" href="data:," />
    </head>
  );
}
