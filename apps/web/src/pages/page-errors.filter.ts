import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from '#platform';
import { FormExpired } from './csrf.guard.js';
import { NotForYourRole, SignInNeeded } from '../staff-pages/staff-session.guard.js';
import type { PageRenderer } from './page-renderer.js';

/** Paths that are never a page: the JSON API (its problem details stay as they are) and files. */
const NOT_PAGES = /^\/(api|assets)(\/|$)/;

/**
 * A browser asking for a page gets an HTML page for an error (404, the form expired, too many
 * requests, or something broken); everything else, and every /api path, gets the API's RFC 9457
 * problem details from the filter it wraps, which also logs what operators need.
 */
@Catch()
export class PageErrorsFilter implements ExceptionFilter {
  constructor(
    private readonly problems: ExceptionFilter,
    private readonly pages: () => PageRenderer,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const path = request?.url === undefined ? undefined : new URL(request.url, 'http://page').pathname;
    const wantsHtml = String(request?.headers?.accept ?? '').includes('text/html');
    if (path === undefined || NOT_PAGES.test(path) || !wantsHtml || reply.sent) {
      this.problems.catch(exception, host);
      return;
    }
    if (exception instanceof SignInNeeded) {
      // To sign in, and back to this page after: its path holds only record ids, never a query (which
      // could hold anything typed) or anything personal.
      void reply
        .code(303)
        .header('location', `/staff/sign-in?next=${encodeURIComponent(path)}`)
        .send();
      return;
    }
    const status = toProblem(exception).status;
    // Server errors are still logged, once, by the problems filter's rules (never the input).
    if (status >= 500) {
      const log = request.log;
      const error = exception as { name?: string };
      log.error(`page error: ${error?.name ?? typeof exception}`);
    }
    const template =
      exception instanceof NotForYourRole
        ? 'staff-not-for-role.njk'
        : status === HttpStatus.NOT_FOUND
          ? 'not-found.njk'
          : exception instanceof FormExpired
            ? 'form-expired.njk'
            : status === HttpStatus.TOO_MANY_REQUESTS
              ? 'too-many.njk'
              : 'error.njk';
    void this.pages()
      .send(request, reply, template, {}, status >= 400 ? status : HttpStatus.INTERNAL_SERVER_ERROR)
      .catch(() => this.problems.catch(exception, host));
  }
}
