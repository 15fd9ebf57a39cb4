import type { Candidate, RemovedKind } from './removed-span.js';

// Details a pattern finds for sure, wherever they are: contact details, handles, dates, postcodes.

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = "(?:(?:19|20)\\d\\d|'\\d\\d)";

const PATTERNS: ReadonlyArray<readonly [RemovedKind, RegExp]> = [
  ['contact', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu],
  ['contact', /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu],
  // A bare web address: a name, a known ending, maybe a path.
  [
    'contact',
    /\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|co\.uk|org\.uk|org|net|uk|io|tv|me|gg|ly|app)(?:\/[^\s<>"]*)?(?![\p{L}\p{N}])/giu,
  ],
  // UK phone numbers: +44 or 0, then 9 or 10 more digits, spaces or dashes between.
  ['contact', /(?:\+44\s?\(?0?\)?|\b0)(?:[\s-]?\d){9,10}\b/gu],
  ['handle', /(?<![\p{L}\p{N}.])@[\p{L}\p{N}_.]{2,}/gu],
  // A Discord tag: name#1234.
  ['handle', /(?<![\p{L}\p{N}])[\p{L}\p{N}_.]{2,32}#\d{4}\b/gu],
  // A user-name shape: letters with an underscore, or letters run into two or more digits.
  ['handle', /(?<![\p{L}\p{N}_.@])(?=[\p{L}\p{N}._]*_)[\p{L}\p{N}][\p{L}\p{N}._]*[\p{L}\p{N}]/gu],
  ['handle', /(?<![\p{L}\p{N}_.@])(?=[\p{L}.]*\p{L}{3})\p{L}[\p{L}\p{N}.]*\p{L}[\p{L}.]*\d{2,}(?![\p{L}\p{N}])/gu],
  // Dates with a day: 14/02/2010, 3.11.2013, 08-08-2008, 3/3.
  ['date', /(?<![\p{N}.])(?:[12]\d|3[01]|0?[1-9])[/.-](?:1[0-2]|0?[1-9])(?:[/.-](?:\d{4}|\d{2}))?(?![\p{N}]|\.\d)/gu],
  ['date', new RegExp(`\\b(?:the\\s+)?${DAY}(?:\\s+of)?\\s+${MONTH}\\b\\.?(?:,?\\s+${YEAR}\\b)?`, 'giu')],
  ['date', new RegExp(`\\b${MONTH}\\.?\\s+(?:the\\s+)?${DAY}\\b(?:,?\\s+${YEAR}\\b)?`, 'giu')],
  ['date', new RegExp(`\\b${MONTH}\\s+(?:19|20)\\d\\d\\b`, 'giu')],
  ['address', /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/giu],
];

// A date of birth in any form: what follows "born", "dob" or "birthday", up to a few words on.
const BIRTH = /\b(?:born|birthday|bday|b-day|b'day|birth\s*date|date\s+of\s+birth|d\.?o\.?b\b\.?)/giu;
const BIRTH_DETAIL = new RegExp(
  `^(?:[\\s,:-]|(?:is|was|on|in|the|of)\\b|${MONTH}\\b|${DAY}\\b|(?:19|20)\\d\\d\\b|'\\d\\d\\b)*`,
  'iu',
);
const DETAIL_START = new RegExp(`\\b(?:${MONTH}|(?:19|20)\\d\\d|${DAY}|'\\d\\d)\\b`, 'iu');

// Times and quantities that look like the shapes above but identify nobody: 4.30, 21st, 10pm, 2nd.
const NOT_A_HANDLE = /^(?:\d+(?:st|nd|rd|th|am|pm|s|yrs?|k|mins?|hrs?|gb|mb|p)|[a-z]{1,2}\d{1,2}|ps\d|mp\d)$/iu;

export function patternCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      let value = match[0];
      // A sentence's full stop after an address or a handle is not part of it.
      value = value.replace(/[.,;:!?)'"]+$/u, '');
      if (kind === 'handle' && NOT_A_HANDLE.test(value)) continue;
      found.push({ kind, start: match.index, end: match.index + value.length });
    }
  }
  for (const cue of text.matchAll(BIRTH)) {
    const after = cue.index + cue[0].length;
    const detail = BIRTH_DETAIL.exec(text.slice(after))![0];
    const first = DETAIL_START.exec(detail);
    if (!first) continue;
    const end = after + detail.replace(/[\s,:-]+$/u, '').length;
    const start = after + first.index;
    if (end > start) found.push({ kind: 'date', start, end });
  }
  return found;
}
