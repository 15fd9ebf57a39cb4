import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Why a form was refused: its token did not match this browser's CSRF cookie (or either was missing). */
export class FormExpired extends ForbiddenException {
  constructor() {
    super('The form could not be checked. Go back and try again.');
  }
}

/**
 * Every form the pages post carries `_csrf`, a token made from a secret in this browser's cookie
 * (@fastify/csrf-protection, double submit): another site's page cannot read the cookie, so it cannot
 * make a token that matches. The plugin's check answers by itself on failure; here it throws instead, so
 * the page's error filter can say so kindly in the reader's language.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    let passed = false;
    const refused = { send: () => refused } as unknown as FastifyReply;
    request.server.csrfProtection(request, refused, () => {
      passed = true;
    });
    if (!passed) throw new FormExpired();
    return true;
  }
}
