import { tagger } from '../tagger.js';

// The screen's third reading of a view: every word as its root ("he was hitting me" -> "he is hit me",
// "older lads keep buying me trainers" -> "old lad keep buy me trainer"), by compromise's tagger, on the
// text already normalised. Rules written for one form of a verb then match the others, and forms no
// pattern spells out ("beated", "bought", "threw") come back to the word a rule knows. Runs on the
// machine, in memory, like the rest of the screen: no service sees the words.

/** The root reading of normalised text: lower case, single spaces, no punctuation. */
export function rootReading(normalised: string): string {
  if (normalised === '') return '';
  const doc = tagger()(normalised);
  doc.compute('root');
  return doc
    .text('root')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
