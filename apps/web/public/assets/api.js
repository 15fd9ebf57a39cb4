/* global document, CSS, location */
// The one way pages talk to the JSON API: JSON bodies, an Idempotency-Key on every write, and
// RFC 9457 problem details turned into an accessible error summary. Nothing personal goes in a URL:
// writes are POSTs with JSON bodies, and GETs only ever carry a board's slug.
import './forms.js';
import { keepTypedWork } from './kept-work.js';
import { showNotForRole } from './page.js';

/** An answer from the API that was not a success: `problem` is the RFC 9457 body (or a stand-in). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

// The session has expired (or was revoked): sign in again, then come back to this page.
function signInAgainIfRefused(response, headers) {
  if (response.status !== 401 || !headers?.authorization) return;
  // What was typed is kept for this page and put back after signing in (WCAG 2.2.1).
  const raw = sessionStorage.getItem('cpb.staff-session');
  keepTypedWork(raw ? JSON.parse(raw) : null);
  sessionStorage.removeItem('cpb.staff-session');
  location.assign(`/staff/sign-in?next=${encodeURIComponent(location.pathname)}`);
}

// Read your own writes (docs/adr/0021-read-your-writes.md): every write answers where it sits in the log
// (X-Log-Position); reads send the furthest one back (X-Read-After) and so answer only once the read
// models show it, with no polling. Kept for the tab, so the next page's reads see the write too: it is
// only a log position, nothing personal.
const POSITION_KEY = 'cpb.log-position';

function readAfterHeader(method) {
  const position = method === 'GET' ? sessionStorage.getItem(POSITION_KEY) : null;
  return position ? { 'x-read-after': position } : {};
}

function rememberPosition(response, problem) {
  const position = response.headers.get('x-log-position');
  const last = sessionStorage.getItem(POSITION_KEY);
  // Positions are fixed-width digits: their text order is the log's order.
  if (response.ok && position && (!last || position > last)) sessionStorage.setItem(POSITION_KEY, position);
  // The read models did not get there in time, or the server does not know the position (another
  // database): ask no more reads to wait for it.
  const refused = problem?.errors?.some?.((e) => e.field === 'X-Read-After');
  if (problem?.type === '/problems/read-after-timeout' || refused) sessionStorage.removeItem(POSITION_KEY);
}

async function request(method, path, body, headers) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json, application/problem+json', ...readAfterHeader(method), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, {
      title: 'No connection',
      detail: 'We could not reach the service. Check your internet and try again.',
    });
  }
  const text = await response.text();
  let data;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  signInAgainIfRefused(response, headers);
  // A staff page in use: session.js slides the session on (renews its token past half its life).
  if (response.ok && headers?.authorization) document.dispatchEvent(new Event('cpb:staff-answered'));
  const problem = !response.ok && data && typeof data === 'object' ? data : undefined;
  rememberPosition(response, problem);
  if (!response.ok) throw new ApiError(response.status, problem ?? {});
  return data;
}

/** The signed-in staff member's bearer header, when a page asks for it (see session.js). */
function authHeader(auth) {
  if (!auth) return {};
  const raw = sessionStorage.getItem('cpb.staff-session');
  const session = raw ? JSON.parse(raw) : null;
  return session ? { authorization: `Bearer ${session.token}` } : {};
}

/** A read; `{ auth: true }` on staff pages sends the signed-in member's token. */
export function apiGet(path, { auth = false } = {}) {
  return request('GET', path, undefined, authHeader(auth));
}

/**
 * A write. Call `submission()` once per thing the person sends: it keeps one random Idempotency-Key
 * across retries of that same submission (a lost answer, no signal), so the server does it only once,
 * and starts a fresh key once the server has answered.
 */
export function submission({ auth = false } = {}) {
  let key = null;
  return {
    async post(path, body, method = 'POST') {
      key ??= crypto.randomUUID();
      try {
        const result = await request(method, path, body, {
          'content-type': 'application/json',
          'idempotency-key': key,
          ...authHeader(auth),
        });
        key = null;
        return result;
      } catch (error) {
        // Only an answer from the server ends this submission; no answer or a server fault may be retried.
        if (!(error instanceof ApiError) || (error.status !== 0 && error.status < 500)) key = null;
        throw error;
      }
    },
  };
}

/** Removes the error summary and every field's message from a form. */
export function clearErrors(form, summary) {
  summary.hidden = true;
  summary.replaceChildren();
  for (const message of form.querySelectorAll('.field-error')) message.remove();
  for (const group of form.querySelectorAll('.has-error')) group.classList.remove('has-error');
  for (const field of form.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
    const ids = (field.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.endsWith('-error'));
    if (ids.length) field.setAttribute('aria-describedby', ids.join(' '));
    else field.removeAttribute('aria-describedby');
  }
}

/**
 * Shows what went wrong, GOV.UK style: a summary at the top (focused, so it is read out) with each
 * field's message as a link to that field, and the same message beside the field.
 * `messages` maps a field name to the plain words to show; `fallback` is used when none fits.
 */
export function showErrors(form, summary, error, { messages = {}, fallback } = {}) {
  clearErrors(form, summary);
  const problem = error instanceof ApiError ? error.problem : {};
  const items = [];
  const seen = new Set();
  for (const { field } of Array.isArray(problem.errors) ? problem.errors : []) {
    const name = String(field).split('.')[0];
    if (seen.has(name)) continue;
    seen.add(name);
    const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
    const words = messages[name] || `Check ${name}`;
    if (input) {
      markField(input, words);
      items.push({ words, href: `#${input.id}`, input });
    } else {
      items.push({ words });
    }
  }
  if (items.length === 0) items.push({ words: fallback || problem.detail || 'Something went wrong. Try again.' });

  const heading = document.createElement('h2');
  heading.id = `${summary.id}-title`;
  heading.textContent = 'There is a problem';
  const list = document.createElement('ul');
  for (const item of items) {
    const li = document.createElement('li');
    if (item.href) {
      const link = document.createElement('a');
      link.href = item.href;
      link.textContent = item.words;
      // Move focus to the field itself (a plain jump would only scroll).
      link.addEventListener('click', (event) => {
        event.preventDefault();
        item.input.focus();
      });
      li.append(link);
    } else {
      li.textContent = item.words;
    }
    list.append(li);
  }
  summary.setAttribute('aria-labelledby', heading.id);
  summary.append(heading, list);
  summary.hidden = false;
  summary.focus();
}

function markField(input, words) {
  const group = input.closest('.form-group');
  const message = document.createElement('p');
  message.className = 'field-error';
  message.id = `${input.id}-error`;
  const prefix = document.createElement('span');
  prefix.className = 'visually-hidden';
  prefix.textContent = 'Error: ';
  message.append(prefix, words);
  input.before(message);
  if (group) group.classList.add('has-error');
  input.setAttribute('aria-invalid', 'true');
  const ids = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  input.setAttribute('aria-describedby', [...ids, message.id].join(' '));
}

/** Says what was done in the page's notice (#done), focused so that it is read out. */
export function notify(words) {
  const done = document.getElementById('done');
  done.textContent = words;
  done.hidden = false;
  done.setAttribute('tabindex', '-1');
  done.focus();
}

/**
 * What a staff page shows when its data could not load: the one "not for your role" page when the
 * caller's role may not see it (403), else `failed` in its error summary (#error-summary), focused.
 */
export function showLoadFailure(error, { failed }) {
  if (error instanceof ApiError && error.status === 403) return showNotForRole();
  const summary = document.getElementById('error-summary');
  const words = document.createElement('p');
  words.textContent = failed;
  summary.replaceChildren(words);
  summary.hidden = false;
  summary.focus();
}

/** Saves `blob` as a file called `filename`, through a link clicked in the page (nothing goes in a URL). */
export function saveAs(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A file the API gives only to a signed-in member (a bundle, a PDF, a calendar): a plain link cannot
 * carry the token, so it is fetched here and saved. Answers the name it was saved under (the server's,
 * from Content-Disposition, or `fallbackName`); throws an ApiError when refused.
 */
export async function downloadWithToken(path, fallbackName) {
  const headers = { ...readAfterHeader('GET'), ...authHeader(true) };
  let response;
  try {
    response = await fetch(path, { headers, cache: 'no-store', credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { title: 'No connection', detail: 'We could not reach the service. Try again.' });
  }
  signInAgainIfRefused(response, headers);
  if (!response.ok) throw new ApiError(response.status, {});
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  saveAs(await response.blob(), filename);
  return filename;
}
