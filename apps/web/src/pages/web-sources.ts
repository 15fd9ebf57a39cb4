import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Templates and catalogues are read from apps/web/src at run time: beside this file when it runs from
// the TypeScript sources (Jest, tsx), and from the repository's apps/web/src when it runs from dist/ (a
// build compiles only .ts, as web-ui.routes.ts does for apps/web/public).

/** apps/web/src/<folder>, from the sources or from dist/apps/web/src/pages. */
export function webSourceDir(folder: 'views' | 'locales'): string {
  const beside = fileURLToPath(new URL(`../${folder}/`, import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL(`../../../../../apps/web/src/${folder}/`, import.meta.url));
}

/** govuk-frontend's compiled files and Nunjucks templates (node_modules/govuk-frontend/dist). */
export function govukFrontendDist(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
}
