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

/** A staff page a role may use: where it is, its words (in the header, on the home page), who may use it. */
export interface StaffLink {
  readonly href: string;
  /** Its entry in the header's navigation, if it has one. */
  readonly nav?: string;
  /** Its line on the staff home page (/staff/), if it has one. */
  readonly home?: string;
  /** The roles the API route behind the page admits (web-ui.routes.ts reads them from its @Roles). */
  readonly roles: readonly string[];
}

/** What a staff page is put in, besides its layout: the links for each role, and who may use the page itself. */
export interface StaffChrome {
  readonly links: readonly StaffLink[];
  /** Who may use this page; undefined: every signed-in member. */
  readonly roles?: readonly string[];
  /** The page's own address in the navigation (aria-current), if it is there. */
  readonly current?: string;
}

// The staff home page's list: the links for the signed-in role go where the page file puts this marker.
const HOME_LINKS = '<!-- links for your role -->';

const STAFF_FOOTER =
  '<p>Staff pages. Children’s words are shown only where their authors allowed, and every read of them is recorded.</p>';

const LAYOUTS: Readonly<Record<LayoutName, Chrome>> = {
  staff: {
    home: { href: '/staff/', text: 'Corporate Parenting Board' },
    withoutScript: 'These pages need JavaScript turned on. Nothing you type here is sent without it.',
    // Then each page the signed-in role may use (StaffChrome.links), and Sign out.
    nav: [['/staff/', 'Home']],
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

const current = (href: string, staff?: StaffChrome) => (staff?.current === href ? ' aria-current="page"' : '');

/**
 * A link only some roles may use starts hidden, with the roles that may (`data-roles`): session.js shows
 * it to those roles and takes it out for the others, so a role sees only what it may use.
 */
const roleItem = (href: string, text: string, roles: readonly string[], attributes = '') =>
  `<li data-roles="${roles.join(' ')}" hidden><a href="${href}"${attributes}>${text}</a></li>`;

function staffNav(staff: StaffChrome): string {
  const items = staff.links
    .filter((link) => link.nav)
    .map((link) => roleItem(link.href, link.nav!, link.roles, current(link.href, staff)));
  // Sign out needs the session in this tab (session.js), so it shows once the page's script has run.
  return [
    ...items,
    '<li data-signed-in hidden><button type="button" id="sign-out" class="nav-button">Sign out</button></li>',
  ]
    .map((item) => `          ${item}`)
    .join('\n');
}

/**
 * The one page a role that may not use a page sees instead of it (session.js puts it in <main>); an
 * inert template until then, so it is never read out with the page.
 */
const NOT_FOR_ROLE = `
<template id="not-for-role">
      <h1 id="page-title" tabindex="-1">This page is not for your role</h1>
      <p>Your role does not give you this page. If you need it for your work, ask your board’s admin.</p>
      <p><a href="/staff/">Go to your work</a></p>
</template>`;

/** The whole document. Titles come from our own page files, never from a request. */
export function renderPage(page: Page, staff?: StaffChrome): string {
  const chrome = LAYOUTS[page.layout];
  const script = page.script ? `\n  <script type="module" src="/assets/${page.script}"></script>` : '';
  // With JavaScript off the forms cannot send (their buttons start disabled: assets/forms.js): say so.
  const withoutScript = page.script
    ? `\n<noscript><div class="notice"><p>${chrome.withoutScript}</p></div></noscript>`
    : '';
  const fixed = chrome.nav.map(
    ([href, text]) => `          <li><a href="${href}"${current(href, staff)}>${text}</a></li>`,
  );
  const nav = [...fixed, ...(staff ? [staffNav(staff)] : [])].join('\n');
  const homeLinks = (staff?.links ?? [])
    .filter((link) => link.home)
    .map((link) => roleItem(link.href, link.home!, link.roles))
    .join('\n        ');
  const content = page.content.trimEnd().replace(HOME_LINKS, homeLinks);
  const roles = staff?.roles ? ` data-roles="${staff.roles.join(' ')}"` : '';
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
  <main id="main" tabindex="-1"${roles}>
    <div class="width-container">
${content}${withoutScript}
    </div>${staff ? NOT_FOR_ROLE : ''}
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
