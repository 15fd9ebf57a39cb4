import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/**
 * An estimate of how easy a response is to read, shown to its writer. The advice aims for reading age 9;
 * the contribution decider refuses an answer above the board's limit (ANSWER_READING_AGE) unless its
 * sender records why.
 */
export interface ReadingAgeEstimate {
  /** UK reading age in years (Flesch-Kincaid grade + 5), 5 to 18 (18: an adult reader); null without words. */
  readonly readingAge: number | null;
  /** The Flesch-Kincaid (US) grade, one decimal, unclamped; null without words. */
  readonly grade: number | null;
  readonly words: number;
  readonly sentences: number;
  /** Words of three syllables or more, most used first (at most five): the first ones to swap. */
  readonly longWords: readonly string[];
  readonly advice: string;
}

// The youngest readers give views from 8; a reading age of 9 is what plain-English guidance aims for.
export const TARGET_READING_AGE = 9;
export const MIN_READING_AGE = 5;
export const MAX_READING_AGE = 18;

/**
 * The board's limit for an answer to young people: above it, an answer is refused unless its sender
 * records why. Reading age 11 by default (most young people in care read at or below their age, and
 * views come from 8); a board may set 7 to 18 (18: any adult text).
 */
export const ANSWER_READING_AGE = { default: 11, min: 7, max: MAX_READING_AGE } as const;
const LONG_SENTENCE_WORDS = 15;
const LONG_WORD_SYLLABLES = 3;

// A full stop after these is not the end of a sentence (compared lower case, dots removed).
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'cllr',
  'st',
  'eg',
  'ie',
  'etc',
  'vs',
  'no',
  'approx',
  'dept',
  'govt',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
// Dotted abbreviations (e.g., i.e., a.m.) count as one word, not one per letter.
const DOTTED = /\b(?:\p{L}\.){2,}/gu;
const BULLET = /^\s*(?:[-*•–]|\d{1,3}[.)])\s+/;
const TERMINATOR = /[.!?…]+/g;

/** Estimates the UK reading age of a text: Flesch-Kincaid grade + 5, rounded, clamped to 5–18. */
export function estimateReadingAge(text: string): ReadingAgeEstimate {
  const blocks = blocksOf(text);
  const words = blocks.flatMap(wordsOf);
  const sentences = blocks.reduce((sum, block) => sum + sentencesIn(block), 0);
  if (words.length === 0) {
    return { readingAge: null, grade: null, words: 0, sentences: 0, longWords: [], advice: NO_WORDS };
  }
  const syllables = words.map(syllablesOf);
  const grade = fleschKincaid({
    sentence: sentences,
    word: words.length,
    syllable: syllables.reduce((a, b) => a + b, 0),
  });
  const readingAge = Math.min(MAX_READING_AGE, Math.max(MIN_READING_AGE, Math.round(grade + 5)));
  const longWords = mostUsed(words.filter((_, i) => syllables[i]! >= LONG_WORD_SYLLABLES));
  return {
    readingAge,
    grade: Math.round(grade * 10) / 10,
    words: words.length,
    sentences,
    longWords,
    advice: adviceFor(readingAge, words.length / sentences, longWords),
  };
}

/** An estimate measured against the board's limit for answers to young people. */
export interface ReadingAgeCheck extends ReadingAgeEstimate {
  /** Above this reading age an answer is refused unless its sender records why. */
  readonly limit: number;
  /** False: sending it needs a reason (readingAgeReason). */
  readonly withinLimit: boolean;
}

export function checkReadingAge(text: string, limit: number): ReadingAgeCheck {
  const estimate = estimateReadingAge(text);
  return { ...estimate, limit, withinLimit: estimate.readingAge === null || estimate.readingAge <= limit };
}

const NO_WORDS = 'There are no words to measure yet.';

function adviceFor(readingAge: number, wordsPerSentence: number, longWords: readonly string[]): string {
  if (readingAge <= TARGET_READING_AGE) {
    return `Easy to read: most young people aged ${TARGET_READING_AGE} and over can read this.`;
  }
  const hints: string[] = [];
  if (wordsPerSentence > LONG_SENTENCE_WORDS) {
    hints.push(
      `Use shorter sentences (yours average ${Math.round(wordsPerSentence)} words; aim for ${LONG_SENTENCE_WORDS} or fewer).`,
    );
  }
  if (longWords.length > 0) hints.push(`Swap long words for short ones: ${longWords.join(', ')}.`);
  const verdict =
    readingAge <= 12
      ? `Readable for most young people aged ${readingAge} and over, but hard for younger readers.`
      : `Hard for a young reader (reading age ${readingAge}${readingAge === MAX_READING_AGE ? ' or more' : ''}).`;
  return [verdict, ...hints, `Aim for a reading age of ${TARGET_READING_AGE}.`].join(' ');
}

/**
 * Paragraphs and list items: a line that starts a bullet, or follows a blank line, starts a new block
 * (list items rarely end with a full stop, yet each is a sentence). Lines of one block are joined.
 */
function blocksOf(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push(current.join(' '));
    current = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (BULLET.test(line)) {
      flush();
      current.push(line.replace(BULLET, ''));
    } else {
      current.push(line.trim());
    }
  }
  flush();
  return blocks;
}

function wordsOf(block: string): string[] {
  return block.replace(DOTTED, (m) => m.replace(/\./g, '')).match(WORD) ?? [];
}

/** Sentence ends in a block; a block whose last words have no full stop is a sentence too. */
function sentencesIn(block: string): number {
  let count = 0;
  let tail = block;
  for (const match of block.matchAll(TERMINATOR)) {
    const end = match.index + match[0].length;
    const after = block.slice(end);
    // An end is followed by a space, a closing quote or bracket, or nothing (so 3.5 and e.g. are not).
    if (!/^(?:["'”’)\]]*)(?:\s|$)/.test(after)) continue;
    if (match[0] === '.' && !endsSentence(block.slice(0, match.index), after)) continue;
    count += 1;
    tail = after;
  }
  return count + ((tail.match(WORD) ?? []).length > 0 ? 1 : 0);
}

/**
 * False for a full stop after a title or short form (Dr., etc.) or an initial (J.); after a dotted
 * abbreviation (e.g., p.m.) only when the next word starts with a capital letter.
 */
function endsSentence(before: string, after: string): boolean {
  const token = /(\S+)$/.exec(before)?.[1] ?? '';
  const word = token.replace(/^[("'“‘[]+/, '');
  if (word.includes('.')) return /^\s*["'“‘(]*\p{Lu}/u.test(after);
  const bare = word.toLowerCase();
  if (bare.length === 0) return true;
  if (/^\p{L}$/u.test(bare)) return false;
  return !ABBREVIATIONS.has(bare);
}

// Numbers and symbols the syllable counter cannot read count as one syllable each.
function syllablesOf(word: string): number {
  return Math.max(1, syllable(word));
}

function mostUsed(words: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([word]) => word);
}
