/* global location */
// A staff member's session in this tab only (sessionStorage, never localStorage, never a URL): the
// token from sign-in, when it expires, who they are and their roles. Pages call requireSession() first.
import { submission } from './api.js';

const KEY = 'cpb.staff-session';

/**
 * The session, or null. Its expiry is the server's to judge (this device's clock may differ): a staff
 * request answered 401 forgets the session and comes back here to sign in (api.js).
 */
export function currentSession() {
  const raw = sessionStorage.getItem(KEY);
  return raw ? JSON.parse(raw) : null;
}

/** Signs in; throws the API's error (shown with showErrors) when refused. */
export async function signIn(tenant, email, password) {
  const answer = await submission().post('/api/auth/sign-in', { tenant, email, password });
  const session = {
    token: answer.token,
    expiresAt: answer.expiresAt,
    userId: answer.userId,
    tenant,
    roles: answer.roles,
    displayName: answer.displayName,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  location.assign('/staff/sign-in');
}

/** The session, or off to the sign-in page (which brings the person back here afterwards). */
export function requireSession() {
  const session = currentSession();
  if (!session) {
    location.assign(`/staff/sign-in?next=${encodeURIComponent(location.pathname)}`);
    throw new Error('not signed in');
  }
  return session;
}

export const hasRole = (session, ...roles) => roles.some((role) => session.roles.includes(role));
