/* global document, location */
// A staff member's session in this tab only (sessionStorage, never localStorage, never a URL): the
// token from sign-in, when it expires, who they are and their roles. Pages call requireSession() first.
import { apiGet, submission } from './api.js';
import { forgetTypedWork, restoreTypedWork } from './kept-work.js';
import { showNotForRole } from './page.js';

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
  const session = {
    ...currentSession(),
    token: answer.token,
    ...deadlines(answer),
    secondFactor: 'used',
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

function keep(answer, tenant) {
  const session = {
    token: answer.token,
    ...deadlines(answer),
    userId: answer.userId,
    tenant,
    roles: answer.roles,
    displayName: answer.displayName,
    secondFactor: answer.secondFactor,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export async function signOut() {
  sessionStorage.removeItem(KEY);
  forgetTypedWork();
  // The server-rendered pages' session cookie goes too (HttpOnly: only the server can clear it).
  await fetch('/api/auth/sign-out', { method: 'POST' }).catch(() => undefined);
  location.assign('/staff/sign-in');
}

/**
 * The session, or off to the sign-in page (which brings the person back here afterwards). Fits the page
 * to the role: the links it may use (data-roles, from the API's own rules: page-layout.ts) and Sign out
 * show; a page it may not use becomes the one "not for your role" page, and its script goes no further.
 */
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
  const mayUse = (node) => hasRole(session, ...node.dataset.roles.split(' '));
  for (const item of document.querySelectorAll('header [data-roles], #links [data-roles]')) {
    if (mayUse(item)) item.hidden = false;
    else item.remove();
  }
  document.querySelector('[data-signed-in]').hidden = false;
  document.getElementById('sign-out').addEventListener('click', signOut);
  const main = document.getElementById('main');
  if (main.dataset.roles && !mayUse(main)) {
    showNotForRole();
    throw new Error('not for this role');
  }
  restoreTypedWork(session);
  watchSession();
  return session;
}

// ---- a session that keeps work (WCAG 2.2.1, timing adjustable) ----
// A page in use renews its token as it goes (sliding, never past sessionEndsAt). A page left alone
// warns two minutes before the token ends, with a button to stay signed in: far more than the 20
// seconds WCAG asks for. If the session still ends, api.js keeps what was typed, and the sign-in page
// brings the person back to it (kept-work.js).

const WARN_BEFORE_MS = 120_000;

/**
 * When the token and the session end, on this device's clock: counted from the seconds the server gave
 * (its clock and this one may differ), not from its instants.
 */
function deadlines(answer) {
  const now = Date.now();
  return {
    renewedAt: now,
    endsAt: now + answer.expiresInSeconds * 1000,
    renewableUntil: now + answer.sessionSecondsLeft * 1000,
  };
}
let warnTimer;
let warnTick;
let renewing;

/** Renews the token now (once at a time); answers the session, or null when it could not be renewed. */
export function renewSession() {
  renewing ??= submission({ auth: true })
    .post('/api/auth/renew', {})
    .then((answer) => {
      const session = {
        ...currentSession(),
        token: answer.token,
        ...deadlines(answer),
      };
      sessionStorage.setItem(KEY, JSON.stringify(session));
      watchSession();
      return session;
    })
    .catch(() => null)
    .finally(() => (renewing = undefined));
  return renewing;
}

/** After each answered staff request (api.js): past half its life, the token is renewed in the background. */
function slideSession() {
  const session = currentSession();
  if (!session?.endsAt || session.secondFactor === 'set-up') return;
  if (Date.now() - session.renewedAt > (session.endsAt - session.renewedAt) / 2 && canRenew(session))
    void renewSession();
}

const canRenew = (session) => session.renewableUntil > session.endsAt;

let sliding = false;

function watchSession() {
  if (!sliding) {
    document.addEventListener('cpb:staff-answered', slideSession);
    sliding = true;
  }
  clearTimeout(warnTimer);
  clearInterval(warnTick);
  document.getElementById('session-warning')?.remove();
  const session = currentSession();
  if (!session?.endsAt || session.secondFactor === 'set-up') return;
  const wait = session.endsAt - WARN_BEFORE_MS - Date.now();
  warnTimer = setTimeout(() => warn(), Math.max(0, wait));
}

function warn() {
  const session = currentSession();
  if (!session) return;
  const renewable = canRenew(session);
  const box = document.createElement('div');
  box.id = 'session-warning';
  box.className = 'session-warning';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-modal', 'false');
  box.setAttribute('aria-labelledby', 'session-warning-title');
  box.setAttribute('aria-describedby', 'session-warning-text');
  const title = document.createElement('h2');
  title.id = 'session-warning-title';
  title.textContent = 'You will be signed out soon';
  const text = document.createElement('p');
  text.id = 'session-warning-text';
  const left = () => Math.max(0, Math.round((session.endsAt - Date.now()) / 1000));
  const say = () => {
    const seconds = left();
    const when = seconds >= 60 ? `${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}` : `${seconds} seconds`;
    text.textContent = renewable
      ? `To protect children's information, you will be signed out in ${when}. Anything you have typed will be kept.`
      : `You have been signed in for the longest time allowed. You will need to sign in again in ${when}. Anything you have typed will be kept.`;
  };
  say();
  warnTick = setInterval(say, 15_000);
  const tick = warnTick;
  const actions = document.createElement('div');
  actions.className = 'button-group';
  if (renewable) {
    const stay = document.createElement('button');
    stay.type = 'button';
    stay.className = 'button';
    stay.textContent = 'Stay signed in';
    stay.addEventListener('click', async () => {
      clearInterval(tick);
      stay.disabled = true;
      // Renewed: watchSession() takes the warning away. Not renewed: it stays, saying so.
      if (!(await renewSession())) {
        text.textContent = 'We could not keep you signed in. Anything you have typed will be kept.';
      }
    });
    actions.append(stay);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'button secondary';
  close.textContent = renewable ? 'Not now' : 'I understand';
  close.addEventListener('click', () => {
    clearInterval(tick);
    box.remove();
  });
  actions.append(close);
  box.append(title, text, actions);
  document.body.append(box);
  (box.querySelector('button') ?? box).focus();
}

export const hasRole = (session, ...roles) => roles.some((role) => session.roles.includes(role));
