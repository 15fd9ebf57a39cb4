/* global document, location, MutationObserver */
// What a member of staff had typed when their session ended (WCAG 2.2.1): kept in this tab only
// (sessionStorage, never a URL), for this page only, and put back once they have signed in again.
// Passwords, codes and hidden fields are never kept, nor any field marked data-keep="no" (a child's words,
// a moderator's summary of them, a safeguarding reason): those are typed again, never left in storage.
// Kept work is put back only for the same person on the same board.

const KEY = 'cpb.kept-work';
const SKIPPED = new Set(['password', 'hidden', 'file', 'submit', 'button', 'reset', 'image']);

const fieldKey = (field) => {
  const form = field.form;
  const formKey = form ? form.id || form.getAttribute('aria-labelledby') || form.getAttribute('action') || '' : '';
  return `${formKey}::${field.id || field.name}`;
};

const typed = () =>
  [...document.querySelectorAll('input, textarea, select')].filter(
    (field) =>
      (field.id || field.name) &&
      !SKIPPED.has(field.type) &&
      field.autocomplete !== 'one-time-code' &&
      field.dataset.keep !== 'no',
  );

/** Whose session the work was typed in. */
const ownerOf = (session) => (session ? `${session.tenant}/${session.userId}` : null);

/** Keeps every field typed into or chosen on this page by `session`'s person, before they sign in again. */
export function keepTypedWork(session) {
  const fields = {};
  for (const field of typed()) {
    if (field.type === 'checkbox' || field.type === 'radio') {
      if (field.checked !== field.defaultChecked) fields[`${fieldKey(field)}=${field.value}`] = field.checked;
    } else if (field.value !== field.defaultValue || field.tagName === 'SELECT') {
      fields[fieldKey(field)] = field.value;
    }
  }
  if (Object.keys(fields).length > 0) {
    sessionStorage.setItem(KEY, JSON.stringify({ owner: ownerOf(session), path: location.pathname, fields }));
  }
}

/**
 * Puts kept work back on this page: the fields are often drawn after the page's data arrives, so each
 * is filled when it appears, for up to 30 seconds. Says so once, where a screen reader hears it.
 */
export function restoreTypedWork(session) {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return;
  const kept = JSON.parse(raw);
  // Someone else signed in on this tab: their colleague's work is not theirs to see.
  if (kept.owner !== ownerOf(session)) return forgetTypedWork();
  if (kept.path !== location.pathname) return;
  forgetTypedWork();
  const waiting = new Map(Object.entries(kept.fields));
  let told = false;
  const fill = () => {
    for (const field of typed()) {
      const choice = `${fieldKey(field)}=${field.value}`;
      if (waiting.has(choice)) {
        field.checked = waiting.get(choice);
        waiting.delete(choice);
      } else if (waiting.has(fieldKey(field)) && field.type !== 'checkbox' && field.type !== 'radio') {
        field.value = waiting.get(fieldKey(field));
        waiting.delete(fieldKey(field));
      } else continue;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      if (!told) told = tell();
    }
    if (waiting.size === 0) observer.disconnect();
  };
  const observer = new MutationObserver(fill);
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 30_000);
  fill();
}

function tell() {
  const main = document.querySelector('main');
  if (!main) return false;
  const notice = document.createElement('p');
  notice.className = 'notice';
  notice.setAttribute('role', 'status');
  notice.id = 'kept-work';
  notice.textContent = 'You were signed out, so we kept what you had typed. Check it, then carry on.';
  main.prepend(notice);
  return true;
}

/** Drops any kept work (on signing out, or when another person signs in). */
export function forgetTypedWork() {
  sessionStorage.removeItem(KEY);
}
