import { charCount } from '#platform';
import { AGE_BANDS, CARE_STATUSES, CONTRIBUTION_TEXT_MAX_CHARS, SHARING_CHOICES } from '#voice';
import type { FieldError, ViewFields } from './drafts.js';

// The give-a-view form's fields: what it offers, how a posted form becomes a draft, and the checks a
// child is told about in words. The API's own validation (GiveViewRequest) still runs on sending.

/** A view's words, as the domain counts them (characters a reader sees, not UTF-16 units). */
export const MAX_CHARACTERS = CONTRIBUTION_TEXT_MAX_CHARS;
/**
 * What a draft keeps of the words: enough to say "too long", never more. A post of any size (up to the
 * body limit) must not become a draft of that size in memory.
 */
export const KEPT_UNITS = 2 * (MAX_CHARACTERS + 1);

/** Theme codes offered on the form, in the order shown (their words are in the catalogue). */
export const THEMES = [
  'placement-stability',
  'changes-of-social-worker',
  'family-time',
  'education-and-attendance',
  'health',
  'emotional-and-mental-health',
  'leaving-care-local-offer',
  'accommodation-and-homelessness',
  'participation-and-rights',
] as const;

/** The most private first: it is the default. */
export const SHARING = SHARING_CHOICES;

const one = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? one(value[0]) : '');
const many = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? [value]
      : [];
const oneOf = (value: string, allowed: readonly string[], fallback = ''): string =>
  allowed.includes(value) ? value : fallback;

/** A posted form as the draft keeps it: anything not offered is dropped (deny by default). */
export function readViewForm(body: unknown, openCallIds: readonly string[]): ViewFields {
  const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return {
    // Browsers send a textarea's line breaks as CRLF; count them as one character, as the API does.
    text: one(form.text).slice(0, KEPT_UNITS).replaceAll('\r\n', '\n'),
    about: oneOf(one(form.about), openCallIds),
    themes: many(form.themes).filter((theme) => (THEMES as readonly string[]).includes(theme)),
    sharing: oneOf(one(form.sharing), SHARING, 'summary-only'),
    ageBand: oneOf(one(form.ageBand), AGE_BANDS),
    careStatus: oneOf(one(form.careStatus), CARE_STATUSES),
    inviteCode: one(form.inviteCode).trim().slice(0, 40),
  };
}

/** What is wrong with the fields, as catalogue keys; none means the view can be checked and sent. */
export function checkViewFields(fields: ViewFields, needsInvite: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (fields.text.trim() === '') errors.push({ field: 'text', message: 'give.textRequired' });
  else if (charCount(fields.text) > MAX_CHARACTERS) errors.push({ field: 'text', message: 'give.textTooLong' });
  if (needsInvite && fields.inviteCode === '') errors.push({ field: 'inviteCode', message: 'give.inviteNeeded' });
  return errors;
}

/** The body GiveView takes, from checked fields. */
export function toGiveViewRequest(fields: ViewFields): Record<string, unknown> {
  return {
    text: fields.text,
    sharing: fields.sharing,
    ...(fields.themes.length ? { themes: [...fields.themes] } : {}),
    ...(fields.about ? { target: { kind: 'call', callId: fields.about } } : {}),
    ...(fields.ageBand ? { ageBand: fields.ageBand } : {}),
    ...(fields.careStatus ? { careStatus: fields.careStatus } : {}),
    ...(fields.inviteCode ? { inviteCode: fields.inviteCode } : {}),
  };
}
