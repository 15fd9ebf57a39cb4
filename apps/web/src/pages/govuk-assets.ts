import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { govukFrontendDist } from './web-sources.js';

// govuk-frontend's own compiled stylesheet, script and images, served from node_modules under
// /assets/govuk/ (no CDN: a child's phone asks nobody else for anything).

/**
 * The system's own fonts: councils are not GOV.UK, and the GDS Transport typeface is licensed for
 * GOV.UK only. This is govuk-frontend's `$govuk-font-family` setting, applied to its compiled
 * stylesheet rather than by recompiling its Sass (no Sass toolchain in the build).
 */
export const SYSTEM_FONTS = 'system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif';

/** The compiled stylesheet with the council's fonts and our asset path; a spec checks each change took. */
export function councilStylesheet(css: string): string {
  return (
    css
      // The GDS Transport font faces go (their files are not served either).
      .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '')
      .replaceAll('GDS Transport,arial,sans-serif', SYSTEM_FONTS)
      .replaceAll('font-family:GDS Transport', `font-family:${SYSTEM_FONTS}`)
      // The stylesheet names its images at /assets/; ours live at /assets/govuk/.
      .replaceAll('url(/assets/', 'url(/assets/govuk/')
  );
}

const FILES: Record<string, { file: string; type: string }> = {
  'govuk-frontend.min.css': { file: 'govuk/govuk-frontend.min.css', type: 'text/css; charset=utf-8' },
  'govuk-frontend.min.js': { file: 'govuk/govuk-frontend.min.js', type: 'text/javascript; charset=utf-8' },
  'images/favicon.ico': { file: 'govuk/assets/images/favicon.ico', type: 'image/x-icon' },
  'images/favicon.svg': { file: 'govuk/assets/images/favicon.svg', type: 'image/svg+xml' },
};

/**
 * The one inline script in govuk-frontend's page template (it marks the body as "JavaScript on" before
 * the page is drawn). The content security policy allows it by its hash, read from the template itself
 * so an upgrade cannot leave a stale hash behind.
 */
export function govukTemplateScriptHash(dist = govukFrontendDist()): string {
  const template = readFileSync(join(dist, 'govuk', 'template.njk'), 'utf8');
  const script = /<script[^>]*>([^<]*)<\/script>/.exec(template)?.[1];
  if (script === undefined) throw new Error('govuk-frontend template.njk: no inline script found');
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}

export function registerGovukAssets(fastify: FastifyInstance, dist = govukFrontendDist()): void {
  // Read (and, for the stylesheet, made the council's) once, with an ETag: a phone asks again on each
  // page ("no-cache") but downloads the 180 KB only when they changed, on an upgrade.
  const loaded = new Map<string, Promise<{ body: string | Buffer; etag: string }>>();
  const load = (file: string) => {
    let found = loaded.get(file);
    if (!found) {
      found = readFile(join(dist, file)).then((bytes) => {
        const body = file.endsWith('.css') ? councilStylesheet(bytes.toString('utf8')) : bytes;
        return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
      });
      loaded.set(file, found);
    }
    return found;
  };
  fastify.get('/assets/govuk/*', async (request, reply) => {
    const wanted = FILES[(request.params as { '*': string })['*']];
    if (wanted === undefined) {
      reply.callNotFound();
      return reply;
    }
    const { body, etag } = await load(wanted.file);
    reply.header('content-type', wanted.type).header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'no-cache').header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(body);
  });
}
