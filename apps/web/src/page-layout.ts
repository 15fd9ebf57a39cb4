// Every page shares one skeleton: the head, a skip link, the header with its navigation, <main> and
// the footer. A page file in apps/web/public holds only what is its own (its title, its script, which
// layout, and the content of <main>); the server puts it in the layout as it answers.

// The young people's pages are server-rendered (src/pages, src/views); these are the staff's and auditors'.
export type LayoutName = 'staff' | 'signed-out';

export interface Page {
  readonly layout: LayoutName;
  readonly title: string;
  /** One module from /assets, if the page has behaviour. */
  readonly script?: string;
  /** What goes inside <main>'s width container. */
  readonly content: string;
}

interface Chrome {
  readonly home: { readonly href: string; readonly text: string };
  /** Shown where a page's script could not run: its forms cannot send anything without it. */
  readonly withoutScript: string;
  readonly nav: ReadonlyArray<readonly [href: string, text: string]>;
  readonly footer: string;
}

const STAFF_FOOTER =
  '<p>Staff pages. Children’s words are shown only where their authors allowed, and every read of them is recorded.</p>';

const LAYOUTS: Readonly<Record<LayoutName, Chrome>> = {
  staff: {
    home: { href: '/staff/', text: 'Corporate Parenting Board' },
    withoutScript: 'These pages need JavaScript turned on. Nothing you type here is sent without it.',
    nav: [
      ['/staff/', 'Home'],
      ['/staff/meetings', 'Meetings'],
      ['/staff/moderation', 'Moderation'],
      ['/staff/dashboard', 'Dashboard'],
      ['/audit/', 'Audit'],
    ],
    footer: STAFF_FOOTER,
  },
  'signed-out': {
    home: { href: '/staff/', text: 'Corporate Parenting Board' },
    withoutScript: 'Signing in needs JavaScript turned on. Nothing you type here is sent without it.',
    nav: [['/', 'Young people’s pages']],
    footer: STAFF_FOOTER,
  },
};

const HEADER = /^\s*<!--([\s\S]*?)-->\s*\n/;

/**
 * Reads a page file: a leading comment of `key: value` lines (layout, title, optional script), then the
 * content of <main>. A file without the comment, or with an unknown layout, is a mistake worth failing on.
 */
export function parsePage(file: string, name: string): Page {
  const header = HEADER.exec(file);
  if (!header) throw new Error(`${name}: a page starts with <!-- layout, title, script --> (apps/web/README.md)`);
  const fields = Object.fromEntries(
    header[1]!
      .split('\n')
      .map((line) => /^\s*(\w+):\s*(.+?)\s*$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  const layout = fields.layout as LayoutName | undefined;
  if (!layout || !(layout in LAYOUTS) || !fields.title) {
    throw new Error(`${name}: needs "layout: ${Object.keys(LAYOUTS).join(' | ')}" and "title: ..."`);
  }
  return { layout, title: fields.title, script: fields.script, content: file.slice(header[0].length) };
}

/** The whole document. Titles come from our own page files, never from a request. */
export function renderPage(page: Page): string {
  const chrome = LAYOUTS[page.layout];
  const script = page.script ? `\n  <script type="module" src="/assets/${page.script}"></script>` : '';
  // With JavaScript off the forms cannot send (their buttons start disabled: assets/forms.js): say so.
  const withoutScript = page.script
    ? `\n<noscript><div class="notice"><p>${chrome.withoutScript}</p></div></noscript>`
    : '';
  const nav = chrome.nav.map(([href, text]) => `          <li><a href="${href}">${text}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${page.title}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/assets/app.css">${script}
</head>
<body>
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="site-header">
    <div class="width-container">
      <a class="site-name" href="${chrome.home.href}">${chrome.home.text}</a>
      <nav class="site-nav" aria-label="Main">
        <ul>
${nav}
        </ul>
      </nav>
    </div>
  </header>
  <main id="main" tabindex="-1">
    <div class="width-container">
${page.content.trimEnd()}${withoutScript}
    </div>
  </main>
  <footer class="site-footer">
    <div class="width-container">
      ${chrome.footer}
    </div>
  </footer>
</body>
</html>
`;
}
