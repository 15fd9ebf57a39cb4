/* global document */
// A board's settings for young people's views, for its admins: the council's phone number shown to
// young people, the council's colour on its pages' header, the reading age above which an answer needs its sender's reason, and the working days
// within which a person reads each view. Each form sends one setting; the API checks it (422 in words).
import { ApiError, apiGet, clearErrors, notify, showErrors, showLoadFailure, submission } from './api.js';
import { requireSession } from './session.js';

let settings;

function problemWords(error) {
  if (error instanceof ApiError && error.status === 403) return 'Only the board’s admins can change these settings.';
  if (error instanceof ApiError && error.problem.detail) return error.problem.detail;
  return 'We could not save the change. Try again.';
}

/** A whole number as typed (spaces allowed around it), or the text itself for the API to refuse. */
function wholeNumber(text) {
  const trimmed = text.trim();
  return /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function show(view) {
  settings = view;
  document.getElementById('phone').value = view.councilPhone ?? '';
  document.getElementById('colour').value = view.councilColour ?? '';
  const { readingAge, defaultReadingAge, bounds } = view.answers;
  document.getElementById('readingAge').value = String(readingAge);
  document.getElementById('readingAge-hint').textContent =
    `From ${bounds.min} to ${bounds.max}. Without a setting it is ${defaultReadingAge}.`;
  const moderation = view.moderation;
  document.getElementById('moderationWindowWorkingDays').value = String(moderation.moderationWindowWorkingDays);
  document.getElementById('moderationWindowWorkingDays-hint').textContent =
    `From ${moderation.bounds.min} to ${moderation.bounds.max}. Without a setting it is ${moderation.defaultWindowWorkingDays}.`;
  const lead = moderation.moderationLead;
  document.getElementById('moderation-lead').textContent = lead
    ? `The moderation lead is ${lead.name ?? 'a moderator'}${lead.source === 'default' ? ' (the board’s first moderator, as none is named)' : ''}.`
    : 'The board has no moderator yet: overdue views are escalated to no one named.';
}

/** One setting's form: its body from the form, its words once saved, a field's words when refused. */
function wire(formId, summaryId, path, body, done, messages) {
  const form = document.getElementById(formId);
  const summary = document.getElementById(summaryId);
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    try {
      await send.post(path, body(), 'PUT');
      show(await apiGet('/api/staff/voice-settings', { auth: true }));
      notify(done());
    } catch (error) {
      showErrors(form, summary, error, { messages: messages(), fallback: problemWords(error) });
    }
  });
}

document.addEventListener('DOMContentLoaded', () => {
  requireSession();
  wire(
    'phone-form',
    'phone-errors',
    '/api/staff/voice-settings/council-phone',
    () => ({ phone: document.getElementById('phone').value.trim() || null }),
    () =>
      settings.councilPhone
        ? `Saved. Young people now see the council’s number, ${settings.councilPhone}.`
        : 'Saved. Young people now see no council number, only Childline and 999.',
    () => ({ phone: 'Enter a phone number, like 0191 433 3000, or leave it empty' }),
  );
  wire(
    'colour-form',
    'colour-errors',
    '/api/staff/voice-settings/council-colour',
    () => ({ colour: document.getElementById('colour').value.trim() || null }),
    () =>
      settings.councilColour
        ? `Saved. The board’s pages now show the council’s name on ${settings.councilColour}.`
        : 'Saved. The board’s pages now show the council’s name on the default, near-black.',
    // A well-written colour is refused only for being too light for the header's white letters.
    () => ({
      colour: /^#[0-9a-f]{6}$/i.test(document.getElementById('colour').value.trim())
        ? 'This colour is too light for white letters on it. Choose a darker one'
        : 'Enter a colour as a hex code, like #8a1538, or leave it empty',
    }),
  );
  wire(
    'reading-age-form',
    'reading-age-errors',
    '/api/staff/voice-settings/answer-reading-age',
    () => ({ readingAge: wholeNumber(document.getElementById('readingAge').value) }),
    () => `Saved. An answer above reading age ${settings.answers.readingAge} now needs its sender’s reason.`,
    () => ({
      readingAge: `Enter a whole number of years from ${settings.answers.bounds.min} to ${settings.answers.bounds.max}`,
    }),
  );
  wire(
    'window-form',
    'window-errors',
    '/api/staff/voice-settings/moderation-window',
    () => ({
      moderationWindowWorkingDays: wholeNumber(document.getElementById('moderationWindowWorkingDays').value),
      // The lead stays as it is: a named one is sent back, the default one is left to the board's rule.
      moderationLead:
        settings.moderation.moderationLead?.source === 'configured' ? settings.moderation.moderationLead.staffId : null,
    }),
    () => `Saved. A person now reads each view within ${settings.moderation.moderationWindowWorkingDays} working days.`,
    () => ({
      moderationWindowWorkingDays: `Enter a whole number of working days from ${settings.moderation.bounds.min} to ${settings.moderation.bounds.max}`,
    }),
  );
  apiGet('/api/staff/voice-settings', { auth: true })
    .then(show)
    .catch((error) =>
      showLoadFailure(error, {
        failed: 'We could not load the settings. Try again.',
      }),
    );
});
