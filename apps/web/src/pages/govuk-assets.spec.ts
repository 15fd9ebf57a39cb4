import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { councilStylesheet, govukTemplateScriptHash, registerGovukAssets, SYSTEM_FONTS } from './govuk-assets.js';
import { govukFrontendDist } from './web-sources.js';

describe("govuk-frontend's assets, made a council's", () => {
  const css = councilStylesheet(readFileSync(join(govukFrontendDist(), 'govuk', 'govuk-frontend.min.css'), 'utf8'));

  it('uses the system fonts, not the GOV.UK typeface (an upgrade that changes its stylesheet fails here)', () => {
    expect(css).not.toContain('GDS Transport');
    expect(css).not.toContain('@font-face');
    expect(css).toContain(`font-family:${SYSTEM_FONTS}`);
  });

  it('points its images at /assets/govuk/', () => {
    expect(css).not.toMatch(/url\(\/assets\/(?!govuk\/)/);
  });

  it("allows the page template's one inline script by its hash", () => {
    expect(govukTemplateScriptHash()).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  });

  it('answers a phone that has the stylesheet already with 304 and no body, and a changed one in full', async () => {
    const app = Fastify();
    registerGovukAssets(app);
    // Over a real socket (light-my-request's inject needs an ES module Jest cannot load on Node 20).
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
    try {
      const first = await get('/assets/govuk/govuk-frontend.min.css');
      expect(first.status).toBe(200);
      expect(await first.text()).toBe(css);
      const etag = first.headers.get('etag')!;
      const again = await get('/assets/govuk/govuk-frontend.min.css', { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const stale = await get('/assets/govuk/govuk-frontend.min.css', { 'if-none-match': '"old"' });
      expect(stale.status).toBe(200);
      await stale.text();
      const script = await get('/assets/govuk/govuk-frontend.min.js');
      expect(script.headers.get('etag')).not.toBe(etag);
      await script.arrayBuffer();
    } finally {
      await app.close();
    }
  });
});
