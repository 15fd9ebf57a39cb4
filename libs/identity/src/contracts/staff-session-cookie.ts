import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieHeader, readCookie } from './cookies.js';

/**
 * The staff session a page request carries (docs/adr/0026-server-rendered-staff-pages.md): the same
 * signed session token the JSON API takes as "Authorization: Bearer", kept in an HttpOnly cookie so a
 * server-rendered page can know who asks. No name, email or young person's data: the token holds an
 * opaque account id, the board's id, roles and times. Only the page routes read it; the JSON API
 * never does (it takes the bearer token alone), so a cross-site request cannot use the API with it.
 */
export const STAFF_SESSION_COOKIE = 'cpb_staff_session';

/** The session token in the request's cookie, or undefined. */
export function staffSessionToken(request: Pick<FastifyRequest, 'headers'>): string | undefined {
  return readCookie(request, STAFF_SESSION_COOKIE) || undefined;
}

/** Whether cookies here must be Secure: the public address is https, or (without one) the request came by https. */
export function servedOverHttps(request: Pick<FastifyRequest, 'protocol'>, publicUrl?: string): boolean {
  return (publicUrl ?? `${request.protocol}:`).startsWith('https:');
}

/**
 * Sets the cookie to a session token, for as long as the token lives: the browser drops it when the
 * token expires, and each renewal (sliding, never past the session's maximum) sets it again.
 */
export function setStaffSessionCookie(
  reply: FastifyReply,
  session: { readonly token: string; readonly expiresInSeconds: number },
  secure: boolean,
): void {
  const maxAge = Math.max(0, Math.floor(session.expiresInSeconds));
  void reply.header(
    'set-cookie',
    cookieHeader(STAFF_SESSION_COOKIE, session.token, { path: '/', maxAgeSeconds: maxAge, sameSite: 'Strict', secure }),
  );
}

/** Signing out: the cookie is emptied and expires at once. */
export function clearStaffSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.header(
    'set-cookie',
    cookieHeader(STAFF_SESSION_COOKIE, '', { path: '/', maxAgeSeconds: 0, sameSite: 'Strict', secure }),
  );
}
