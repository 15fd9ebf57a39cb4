import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePage, renderPage } from './page-layout.js';
import { rolesFromOpenApi, staffLinks, WEB_PAGES } from './web-ui.routes.js';

const PUBLIC = join(process.cwd(), 'apps', 'web', 'public');

describe('page layout', () => {
  const file =
    '<!--\n  layout: staff\n  title: Meetings – Corporate Parenting Board\n  script: staff-meetings.js\n-->\n      <h1>Meetings</h1>\n';

  it('puts a page file in its layout: head, skip link, navigation, main, footer', () => {
    const html = renderPage(parsePage(file, 'staff-meetings.html'));
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).toContain('<title>Meetings – Corporate Parenting Board</title>');
    expect(html).toContain('<script type="module" src="/assets/staff-meetings.js"></script>');
    expect(html).toContain('<a class="skip-link" href="#main">');
    expect(html).toContain('<li><a href="/staff/">Home</a></li>');
    expect(html).toMatch(/<main id="main" tabindex="-1">\s*<div class="width-container">\s*<h1>Meetings<\/h1>/);
    expect(html).toContain('every read of them is recorded');
  });

  it('gives a signed-out page its own header, and a page without a script none', () => {
    const html = renderPage(parsePage('<!--\n  layout: signed-out\n  title: Sign in\n-->\n<h1>Hi</h1>\n', 'x'));
    expect(html).toContain('<li><a href="/">Young people’s pages</a></li>');
    expect(html).not.toContain('<script');
  });

  it('has no layout for young people: their pages are server-rendered (src/views)', () => {
    expect(() => parsePage('<!--\n  layout: young-people\n  title: T\n-->\n', 'old.html')).toThrow(/old.html.*layout/);
  });

  it('refuses a page file without its header or with an unknown layout, naming the file', () => {
    expect(() => parsePage('<h1>No header</h1>', 'bare.html')).toThrow(/bare.html/);
    expect(() => parsePage('<!--\n  layout: other\n  title: T\n-->\n', 'odd.html')).toThrow(/odd.html.*layout/);
  });
});

describe('role-aware navigation (issue 23, item 5)', () => {
  // A stand-in for the API's OpenAPI document: the x-roles its @Roles decorators write.
  const document = {
    paths: Object.fromEntries(
      WEB_PAGES.filter((p) => p.access).map((p) => {
        const [method, path] = p.access!.split(' ') as [string, string];
        const roles = path.includes('moderation') ? ['moderator'] : ['clerk', 'chair'];
        return [path, { [method.toLowerCase()]: { 'x-roles': roles } }];
      }),
    ),
  };
  const { links, rolesOfPage } = staffLinks(rolesFromOpenApi(document));
  const meetings = parsePage(
    '<!--\n  layout: staff\n  title: Meetings\n  script: staff-meetings.js\n-->\n<h1>Meetings</h1>\n',
    'staff-meetings.html',
  );

  it('gives each link and the page itself the roles its API route admits, and Sign out', () => {
    const html = renderPage(meetings, { links, roles: rolesOfPage.get('/staff/meetings'), current: '/staff/meetings' });
    expect(html).toContain(
      '<li data-roles="clerk chair" hidden><a href="/staff/meetings" aria-current="page">Meetings</a></li>',
    );
    expect(html).toContain('<li data-roles="moderator" hidden><a href="/staff/moderation">Moderation</a></li>');
    expect(html).toContain('<button type="button" id="sign-out" class="nav-button">Sign out</button>');
    expect(html).toContain('<main id="main" tabindex="-1" data-roles="clerk chair">');
    expect(html).toMatch(
      /<template id="not-for-role">\s*<h1 id="page-title" tabindex="-1">This page is not for your role<\/h1>/,
    );
  });

  it('lists the links for each role on the staff home page, from the same table', () => {
    const home = parsePage(
      '<!--\n  layout: staff\n  title: Your work\n-->\n<ul id="links"><!-- links for your role --></ul>\n',
      'staff-home.html',
    );
    const html = renderPage(home, { links });
    expect(html).toContain('<main id="main" tabindex="-1">');
    expect(html).toMatch(/<ul id="links"><li data-roles="clerk chair" hidden><a href="\/staff\/meetings">Meetings: /);
    expect(html).toContain('<li data-roles="moderator" hidden><a href="/staff/moderation">Moderation queue');
  });

  it('refuses to start when a page names an API route that does not exist', () => {
    expect(() => staffLinks(rolesFromOpenApi({ paths: {} }))).toThrow(/staff-meetings.html.*GET \/api\/meetings/);
  });
});

describe('forms without JavaScript (issue 17, item 3)', () => {
  // With JavaScript off, a form without a method submitted as GET: a child's words, a receipt code or a
  // password went into the address bar and the history. Every form posts, and its send button starts
  // disabled until the page's script runs (assets/forms.js).
  const pages = readdirSync(PUBLIC).filter((name) => name.endsWith('.html'));

  it.each(pages)('%s: every form posts and every send button waits for JavaScript', (name) => {
    const html = readFileSync(join(PUBLIC, name), 'utf8');
    for (const form of html.match(/<form\b[^>]*>/g) ?? []) expect(form).toMatch(/\bmethod="post"/);
    for (const button of html.match(/<button\b[^>]*type="submit"[^>]*>/g) ?? []) {
      expect(button).toMatch(/\bdisabled\b/);
      expect(button).toMatch(/\bdata-needs-js\b/);
    }
  });

  it('says on every page with a script what happens without it', () => {
    const html = renderPage(
      parsePage('<!--\n  layout: signed-out\n  title: T\n  script: x.js\n-->\n<h1>Hi</h1>\n', 'x'),
    );
    expect(html).toMatch(/<noscript>.*needs JavaScript.*Nothing you type here is sent without it/s);
  });
});
