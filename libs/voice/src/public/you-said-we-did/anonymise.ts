/**
 * What "anonymised" adds to the words the moderator accepted. The moderator's redactions ARE the
 * anonymisation (names, places, schools are theirs to judge); this pass only removes, as a safety net,
 * the contact details a pattern can find for sure: email addresses, web addresses, social media handles,
 * phone numbers and UK postcodes. "Verbatim" shows the accepted words exactly; neither ever shows the
 * original of a redacted view.
 */
export const REMOVED = '[removed]';

const PATTERNS: readonly RegExp[] = [
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu,
  /\b(?:https?:\/\/|www\.)\S+/giu,
  /(?<![\p{L}\p{N}])@[A-Za-z0-9_.]{2,}/gu,
  // UK phone numbers: +44 or 0, then 9 or 10 more digits, spaces or dashes between.
  /(?:\+44\s?\(?0?\)?|\b0)(?:[\s-]?\d){9,10}\b/g,
  /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi,
];

export function anonymise(words: string): string {
  return PATTERNS.reduce((text, pattern) => text.replace(pattern, REMOVED), words);
}
