import type { FastifyRequest } from 'fastify';

// The identity routes' cookies (a council sign-in's, the staff pages' session): read and written here,
// always HttpOnly, never holding personal data.

/** A cookie's value in the request ('' when set empty), or undefined when there is none. */
export function readCookie(request: Pick<FastifyRequest, 'headers'>, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** A Set-Cookie value: HttpOnly, for `maxAgeSeconds` (0 clears it), Secure when asked. */
export function cookieHeader(
  name: string,
  value: string,
  options: { path: string; maxAgeSeconds: number; sameSite: 'Strict' | 'Lax'; secure: boolean },
): string {
  const { path, maxAgeSeconds, sameSite, secure } = options;
  return `${name}=${value}; Path=${path}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=${sameSite}${secure ? '; Secure' : ''}`;
}
