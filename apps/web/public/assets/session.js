/* global location */
// A staff member's session in this tab only (sessionStorage, never localStorage, never a URL): the
// token from sign-in, when it expires, who they are and their roles. Pages call requireSession() first.
import { apiGet, submission } from './api.js';

const KEY = 'cpb.staff-session';

/**
 * The session, or null. Its expiry is the server's to judge (this device's clock may differ): a staff
 * request answered 401 forgets the session and comes back here to sign in (api.js).
 */
export function currentSession() {
  const raw = sessionStorage.getItem(KEY);
  return raw ? JSON.parse(raw) : null;
}

/**
 * Signs in; throws the API's error (shown with showErrors) when refused, including when the account's
 * second-factor code is needed (problem type /problems/second-factor-required). A session whose
 * `secondFactor` is "set-up" is good only for setting one up (/staff/second-factor).
 */
export async function signIn(tenant, email, password, code) {
  const answer = await submission().post('/api/auth/sign-in', { tenant, email, password, ...(code ? { code } : {}) });
  return keep(answer, tenant);
}

const COUNCIL_BOARD = 'cpb.council-board';

/** Leaves for the board's council sign-in (throws the API's error when the board has none). */
export async function startCouncilSignIn(tenant) {
  await apiGet(`/api/auth/oidc/${encodeURIComponent(tenant)}`);
  sessionStorage.setItem(COUNCIL_BOARD, tenant);
  location.assign(`/api/auth/oidc/${encodeURIComponent(tenant)}/start`);
}

/** The session a council sign-in just opened, collected once from the server (never from a URL). */
export async function collectCouncilSession() {
  const answer = await submission().post('/api/auth/oidc/session', {});
  const tenant = sessionStorage.getItem(COUNCIL_BOARD);
  sessionStorage.removeItem(COUNCIL_BOARD);
  return keep(answer, tenant);
}

/** Confirms a new second factor with its first code; the session becomes a full one. */
export async function confirmSecondFactor(code) {
  const answer = await submission({ auth: true }).post('/api/auth/second-factor/confirm', { code });
  const session = { ...currentSession(), token: answer.token, expiresAt: answer.expiresAt, secondFactor: 'used' };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

function keep(answer, tenant) {
  const session = {
    token: answer.token,
    expiresAt: answer.expiresAt,
    userId: answer.userId,
    tenant,
    roles: answer.roles,
    displayName: answer.displayName,
    secondFactor: answer.secondFactor,
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
  if (session?.secondFactor === 'set-up') {
    location.assign('/staff/second-factor');
    throw new Error('second factor not set up');
  }
  if (!session) {
    location.assign(`/staff/sign-in?next=${encodeURIComponent(location.pathname)}`);
    throw new Error('not signed in');
  }
  return session;
}

export const hasRole = (session, ...roles) => roles.some((role) => session.roles.includes(role));
