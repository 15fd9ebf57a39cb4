import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { councilStylesheet, govukTemplateScriptHash, SYSTEM_FONTS } from './govuk-assets.js';
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
});
