import type { EnglishLexicon } from './english-lexicon.js';
import { patternCandidates } from './patterns.js';
import { mergeCandidates, render, type Anonymised } from './removed-span.js';
import { wordCandidates } from './words.js';

export interface AnonymiserOptions {
  /** A board's own given names or nicknames to remove wherever they appear (lower case). */
  readonly names?: Iterable<string>;
  /** A board's own places: estates, neighbourhoods, homes (lower case; words of one joined by "-"). */
  readonly places?: Iterable<string>;
}

export type Anonymise = (words: string) => Anonymised;

/**
 * "Anonymised" as the domain means it: the words with anything that could identify anyone removed
 * (names, nicknames, places, streets, schools, dates, handles, contact details), each replaced by a
 * placeholder of its kind, and the list of what was removed so a moderator sees it first. It errs on
 * the side of removing: a young person's words lose a word sooner than they name someone.
 */
export function createAnonymiser(lexicon: EnglishLexicon, options: AnonymiserOptions = {}): Anonymise {
  const lower = (list: Iterable<string> = []) =>
    new Set([...list].map((w) => w.toLowerCase().trim().replace(/\s+/gu, '-')));
  const words = { names: lower(options.names), places: lower(options.places) };
  return (text: string): Anonymised => {
    const patterns = patternCandidates(text);
    const removed = mergeCandidates(text, [...patterns, ...wordCandidates(text, patterns, lexicon, words)]);
    return { text: render(text, removed), removed };
  };
}
