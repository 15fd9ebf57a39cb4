import { parsePage, renderPage } from './page-layout.js';

describe('page layout', () => {
  const file =
    '<!--\n  layout: staff\n  title: Meetings – Corporate Parenting Board\n  script: staff-meetings.js\n-->\n      <h1>Meetings</h1>\n';

  it('puts a page file in its layout: head, skip link, navigation, main, footer', () => {
    const html = renderPage(parsePage(file, 'staff-meetings.html'));
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).toContain('<title>Meetings – Corporate Parenting Board</title>');
    expect(html).toContain('<script type="module" src="/assets/staff-meetings.js"></script>');
    expect(html).toContain('<a class="skip-link" href="#main">');
    expect(html).toContain('<li><a href="/staff/meetings">Meetings</a></li>');
    expect(html).toMatch(/<main id="main" tabindex="-1">\s*<div class="width-container">\s*<h1>Meetings<\/h1>/);
    expect(html).toContain('every read of them is recorded');
  });

  it('gives young people their own header and help line, and a page without a script none', () => {
    const html = renderPage(parsePage('<!--\n  layout: young-people\n  title: Have your say\n-->\n<h1>Hi</h1>\n', 'x'));
    expect(html).toContain('<a class="site-name" href="/">Have your say</a>');
    expect(html).toContain('0800 1111');
    expect(html).not.toContain('<script');
  });

  it('refuses a page file without its header or with an unknown layout, naming the file', () => {
    expect(() => parsePage('<h1>No header</h1>', 'bare.html')).toThrow(/bare.html/);
    expect(() => parsePage('<!--\n  layout: other\n  title: T\n-->\n', 'odd.html')).toThrow(/odd.html.*layout/);
  });
});
