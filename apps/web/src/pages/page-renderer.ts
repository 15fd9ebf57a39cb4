import { londonDateOf } from '#platform';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrfProtection from '@fastify/csrf-protection';
import fastifyView from '@fastify/view';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import nunjucks from 'nunjucks';
import { registerGovukAssets } from './govuk-assets.js';
import { DEFAULT_LANGUAGE, loadCatalogues, type Catalogues } from './locales.js';
import { govukFrontendDist, webSourceDir } from './web-sources.js';

// Server-rendered pages for young people and the public: govuk-frontend's Nunjucks macros through
// @fastify/view, every word from the reader's language catalogue (docs/adr/0022-young-peoples-pages-govuk-frontend.md).

export const LANGUAGE_COOKIE = 'cpb-lang';
const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Cookies the pages set: never readable by scripts, never sent by another site's form, HTTPS when served so. */
export const COOKIE_OPTIONS = { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto' } as const;

/**
 * Registers what the pages need on the API's Fastify: cookies (the language, the draft's id and the
 * CSRF secret), CSRF tokens (double submit: a secret in a cookie, a token derived from it in each form),
 * the Nunjucks views and govuk-frontend's assets.
 */
export async function registerPagePlugins(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyCookie);
  // The secret's cookie is Lax, like the language's: a child arriving by a link from another site (the
  // council's) keeps it, so a form already open in another tab still posts. The token is checked all the same.
  await fastify.register(fastifyCsrfProtection, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { ...COOKIE_OPTIONS, sameSite: 'lax' },
  });
  await fastify.register(fastifyView, {
    engine: { nunjucks },
    templates: [webSourceDir('views'), govukFrontendDist()],
    // Templates are compiled once per process; the tests and a deployment read the same files.
    production: true,
    options: {
      autoescape: true,
      throwOnUndefined: false,
      onConfigure: (env: nunjucks.Environment) => {
        env.addFilter('date', pageDate);
      },
    },
  });
  registerGovukAssets(fastify);
}

/** A date as written, or an instant as London saw it (23:30 UTC in summer is the next day there), in words. */
export function pageDate(value: string, locale: string): string {
  const day = value.length > 10 ? londonDateOf(value) : value.slice(0, 10);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** Puts a page in its language and layout and sends it. One per app; the controller and the error filter share it. */
export class PageRenderer {
  constructor(readonly catalogues: Catalogues = loadCatalogues()) {}

  /**
   * The reader's language: a `?lang=` they chose (remembered in a cookie; a language code is not
   * personal data), else the one they chose before, else English.
   */
  language(request: FastifyRequest, reply: FastifyReply): string {
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    if (this.catalogues.isLanguage(asked)) {
      void reply.setCookie(LANGUAGE_COOKIE, asked, { ...COOKIE_OPTIONS, sameSite: 'lax', maxAge: YEAR_SECONDS });
      return asked;
    }
    const kept = request.cookies?.[LANGUAGE_COOKIE];
    return this.catalogues.isLanguage(kept) ? kept : DEFAULT_LANGUAGE;
  }

  /** The reader's language with its words and locale, for a controller that writes sentences from facts. */
  words(request: FastifyRequest, reply: FastifyReply): { lang: string; locale: string; t: TFunction } {
    const lang = this.language(request, reply);
    const language = this.catalogues.languages.find((l) => l.code === lang)!;
    return { lang, locale: language.locale, t: this.catalogues.t(lang) };
  }

  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    template: string,
    data: Record<string, unknown> = {},
    status = 200,
  ): Promise<FastifyReply> {
    const { lang, locale, t } = this.words(request, reply);
    const path = new URL(request.url, 'http://page').pathname;
    const html = await reply.viewAsync(template, {
      lang,
      locale,
      t,
      // The toggle: this page in each language (a GET, so a form's words are kept only in its draft).
      languages: this.catalogues.languages.map((l) => ({
        text: l.name,
        lang: l.code,
        href: `${path}?lang=${l.code}`,
        current: l.code === lang,
      })),
      ...data,
    });
    return reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .send(html);
  }
}
