import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { webSourceDir } from './web-sources.js';

// Every word on the young people's pages lives in apps/web/src/locales/<language>.json. A language is a
// file: adding cy.json added Welsh, and a third language is one more file (its "language.name" is how
// the toggle names it, in that language). English is the fallback for a key a file lacks.

export const DEFAULT_LANGUAGE = 'en';

export interface Language {
  readonly code: string;
  /** The language's name in that language ("Cymraeg"), for the toggle. */
  readonly name: string;
  /** The locale dates and numbers are written in (en-GB, cy-GB). */
  readonly locale: string;
}

export interface Catalogues {
  readonly languages: readonly Language[];
  /** The language's translate function (the default language's for an unknown code). */
  t(code: string): TFunction;
  isLanguage(code: unknown): code is string;
}

export function loadCatalogues(dir = webSourceDir('locales')): Catalogues {
  const files = readdirSync(dir).filter((file) => /^[a-z]{2,3}\.json$/.test(file));
  const resources: Record<string, { translation: Record<string, unknown> }> = {};
  for (const file of files) {
    resources[basename(file, '.json')] = { translation: JSON.parse(readFileSync(join(dir, file), 'utf8')) };
  }
  const instance: i18n = i18next.createInstance();
  // Synchronous: the resources are already in memory, so nothing waits on a backend.
  void instance.init({
    resources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    initAsync: false,
    // Nunjucks escapes what it prints; strings marked as HTML in the catalogue are printed with | safe.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const codes = Object.keys(resources).sort((a, b) =>
    a === DEFAULT_LANGUAGE ? -1 : b === DEFAULT_LANGUAGE ? 1 : a.localeCompare(b),
  );
  const languages = codes.map((code) => ({
    code,
    name: instance.getFixedT(code)('language.name'),
    locale: `${code}-GB`,
  }));
  const known = new Set(codes);
  return {
    languages,
    t: (code) => instance.getFixedT(known.has(code) ? code : DEFAULT_LANGUAGE),
    isLanguage: (code): code is string => typeof code === 'string' && known.has(code),
  };
}
