import dictionary from 'dictionary-en-gb';
import {
  createAnonymiser,
  lexiconFromHunspell,
  type Anonymise,
  type Anonymised,
} from '../domain/anonymisation/index.js';

// The voice context's anonymiser, for every route that shows a view shared "anonymised" (here and in
// insight): one English dictionary (en-GB Hunspell word list) and the default lists. Built on first use,
// not at start: a process that never shows anonymised words does not unpack the dictionary (issue 19).
let anonymiseOnce: Anonymise | undefined;
function anonymiser(): Anonymise {
  anonymiseOnce ??= createAnonymiser(lexiconFromHunspell(new TextDecoder().decode(dictionary.dic)));
  return anonymiseOnce;
}

// Tagging costs a few milliseconds a sentence and the same accepted words are read again on every list,
// so the last answers are kept (bounded; the oldest goes first).
const REMEMBERED = 1_000;
const remembered = new Map<string, Anonymised>();

/** The words with anything that could identify anyone replaced by "[name]", "[place]"..., and what went. */
export const anonymise: Anonymise = (words) => {
  const known = remembered.get(words);
  if (known) {
    remembered.delete(words);
    remembered.set(words, known);
    return known;
  }
  const result = anonymiser()(words);
  Object.freeze(result.removed);
  remembered.set(words, Object.freeze(result));
  if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
  return result;
};

export { createAnonymiser, PLACEHOLDER } from '../domain/anonymisation/index.js';
export type {
  Anonymise,
  Anonymised,
  AnonymiserOptions,
  RemovedKind,
  RemovedSpan,
} from '../domain/anonymisation/index.js';
