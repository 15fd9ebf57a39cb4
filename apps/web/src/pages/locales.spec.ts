import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogues } from './locales.js';
import { webSourceDir } from './web-sources.js';

const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key))
    : [prefix];

// Plural forms differ by language (Welsh has six); they are checked by their parent key, whether nested
// (govuk-frontend's character count: "under.one") or i18next's own ("count_one").
const withoutPlurals = (keys: string[]) => [
  ...new Set(keys.map((key) => key.replace(/[._](zero|one|two|few|many|other)$/, ''))),
];

describe('the language catalogues', () => {
  const dir = webSourceDir('locales');
  const read = (code: string) => JSON.parse(readFileSync(join(dir, `${code}.json`), 'utf8')) as unknown;

  it('gives Welsh every string English has, and nothing English lacks', () => {
    expect(withoutPlurals(keysOf(read('cy'))).sort()).toEqual(withoutPlurals(keysOf(read('en'))).sort());
  });

  it('offers English first, then Welsh, each named in its own language', () => {
    const catalogues = loadCatalogues();
    expect(catalogues.languages.map((l) => [l.code, l.name, l.locale])).toEqual([
      ['en', 'English', 'en-GB'],
      ['cy', 'Cymraeg', 'cy-GB'],
    ]);
    expect(catalogues.t('cy')('give.continue')).toBe('Parhau');
    // An unknown language is English, never an error.
    expect(catalogues.t('xx')('give.continue')).toBe('Continue');
  });

  it('adds a language with a file alone', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cpb-locales-'));
    writeFileSync(join(folder, 'en.json'), JSON.stringify(read('en')));
    writeFileSync(
      join(folder, 'ga.json'),
      JSON.stringify({ language: { name: 'Gaeilge' }, give: { continue: 'Ar aghaidh' } }),
    );
    const catalogues = loadCatalogues(folder);
    expect(catalogues.languages.map((l) => l.name)).toEqual(['English', 'Gaeilge']);
    expect(catalogues.t('ga')('give.continue')).toBe('Ar aghaidh');
    // What the new file lacks is said in English until it is translated.
    expect(catalogues.t('ga')('give.title')).toBe('Tell the board what you think');
  });
});
