import { createRequire } from 'node:module';
import type nlpType from 'compromise';

// compromise (the tagger the anonymiser and the safeguarding screen read words with) unpacks its lexicon
// when loaded: about half a second of CPU. It is loaded on first use, not at start, so a process that
// never reads a child's words (the CLI's commands, a read-only api, most test files) never pays for it
// (issue 19: every process start counted). Its CommonJS build loads synchronously; the tagger is the same.
type Nlp = typeof nlpType;

let loaded: Nlp | undefined;

/** compromise, loaded the first time it is asked for. */
export function tagger(): Nlp {
  loaded ??= createRequire(import.meta.url)('compromise') as Nlp;
  return loaded;
}
