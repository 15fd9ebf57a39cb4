import { tagger } from '../tagger.js';
import type { EnglishLexicon } from './english-lexicon.js';
import {
  FIRST_NAMES,
  NAMES_THAT_ARE_WORDS,
  NICKNAMES,
  NOT_IDENTIFYING,
  PERSON_CUES,
  PLACE_CUES,
  TEXT_SPEAK,
  UK_PLACES,
} from './gazetteer.js';
import type { Candidate, RemovedKind } from './removed-span.js';

// People, places, schools and streets, found word by word: compromise's tagger and lexicon, the word
// lists, the English dictionary, capitals, and the words around (cues such as "my mate", "moved to").

interface Token {
  readonly text: string;
  /** Lower case, without a possessive "'s". */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** Starts with a capital and is not all capitals. */
  readonly cap: boolean;
  readonly allCaps: boolean;
  readonly sentenceStart: boolean;
  readonly tags: ReadonlySet<string>;
  /** Already inside a detail a pattern removed, or a moderator's "[placeholder]". */
  readonly taken: boolean;
}

export interface WordOptions {
  readonly names: ReadonlySet<string>;
  readonly places: ReadonlySet<string>;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const TITLES = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'sir']);
const STREETS = new Set(
  'road rd street avenue ave lane close drive way crescent terrace tce court gardens grove place square walk row mews parade rise vale wynd chare'.split(
    ' ',
  ),
);
const AREAS = new Set('park estate green hill view dene bank fields'.split(' '));
const BUILDINGS = new Set('house lodge hall centre center unit'.split(' '));
const SCHOOLS = new Set(
  'academy primary secondary school college uni university infants juniors grammar comprehensive comp pru'.split(' '),
);
// Words a school's name may be followed by, or hold: "Primary School", "Sixth Form Centre", "RC", "of".
const SCHOOL_TAIL = new Set('school academy college centre form sixth'.split(' '));
const SCHOOL_INNER = new Set('st st. saint rc ce of the and community catholic church'.split(' '));
const AFTER_CUE = new Set(['is', 'was', "'s", 'called', 'named']);
let compromiseLexicon: Record<string, string | string[]> | undefined;
const NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName'];
const PLACE_TAGS = ['City', 'Country', 'Region', 'Place'];

function lexiconTags(lower: string): string[] {
  compromiseLexicon ??= (tagger().model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const tags = compromiseLexicon[lower];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}

export function wordCandidates(
  text: string,
  taken: readonly Candidate[],
  lexicon: EnglishLexicon,
  options: WordOptions,
): Candidate[] {
  const tokens = tokenise(text, taken);
  const found: Candidate[] = [];
  const kinds = new Map<number, RemovedKind>();
  const mark = (from: number, to: number, kind: RemovedKind) => {
    for (let i = from; i <= to; i++) if (!kinds.has(i)) kinds.set(i, kind);
    found.push({ kind, start: tokens[from]!.start, end: tokens[to]!.end });
  };

  const isWord = (lower: string): boolean =>
    TEXT_SPEAK.has(lower) ||
    lexicon.isWord(lower) ||
    lexiconTags(lower).some((tag) => !NAME_TAGS.includes(tag) && !PLACE_TAGS.includes(tag) && tag !== 'LastName');
  const nameLike = (lower: string): boolean =>
    lower.split('-').some((part) => FIRST_NAMES.has(part) || NICKNAMES.has(part) || options.names.has(part)) ||
    lexiconTags(lower).some((tag) => NAME_TAGS.includes(tag));
  const nameIsAWord = (lower: string): boolean => NAMES_THAT_ARE_WORDS.has(lower) || lexicon.isWord(lower);
  const ignored = (t: Token): boolean => t.taken || NOT_IDENTIFYING.has(t.lower) || t.tags.has('Demonym');
  const midCap = (t: Token): boolean => t.cap && !t.sentenceStart;
  // A capital that marks a name: away from the start of a sentence, or on a word English does not have.
  const namedCap = (t: Token): boolean => t.cap && (!t.sentenceStart || !isWord(t.lower));
  const unknown = (t: Token): boolean => !isWord(t.lower) && !/^\d/u.test(t.lower);

  // A place of one to three words ("south shields", "houghton le spring").
  const placeAt = (i: number): number => {
    for (let n = 3; n >= 1; n--) {
      const run = tokens.slice(i, i + n);
      if (run.length < n || run.some((t) => t.taken)) continue;
      if (run.some((t, k) => k > 0 && text.slice(run[k - 1]!.end, t.start).trim() !== '')) continue;
      const key = run.map((t) => t.lower).join('-');
      if (UK_PLACES.has(key) || options.places.has(key)) return n;
      if (n === 1 && lexiconTags(key).some((tag) => PLACE_TAGS.includes(tag))) return 1;
    }
    return 0;
  };
  // "my mate X", "my sw is called X", "my name is X": the cue, maybe a linking word, then X.
  const personCueBefore = (i: number): boolean => {
    let j = i - 1;
    if (j > 0 && AFTER_CUE.has(tokens[j]!.lower) && PERSON_CUES.has(tokens[j - 1]!.lower)) j--;
    const cue = tokens[j];
    return !!cue && PERSON_CUES.has(cue.lower) && /^[\s:,-]*$/u.test(text.slice(cue.end, tokens[i]!.start));
  };
  // "ppl call me X", "everyone calls me X"
  const callMeBefore = (i: number): boolean =>
    i >= 2 && tokens[i - 1]!.lower === 'me' && /^call(?:s|ed|ing)?$/u.test(tokens[i - 2]!.lower);
  const placeCueBefore = (i: number): boolean => i > 0 && PLACE_CUES.has(tokens[i - 1]!.lower);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (ignored(t) || kinds.has(i)) continue;
    const places = placeAt(i);
    if (places > 0) {
      // A place that is also a word ("Hull", "Bath", "Reading") needs a capital or "in", "from"...
      const ambiguous = places === 1 && isWord(t.lower);
      if (!ambiguous || midCap(t) || placeCueBefore(i)) {
        mark(i, i + places - 1, 'place');
        continue;
      }
    }
    if (t.allCaps) continue;
    const cued = personCueBefore(i) || callMeBefore(i) || (i > 0 && TITLES.has(tokens[i - 1]!.lower));
    if (nameLike(t.lower)) {
      if (!nameIsAWord(t.lower) || midCap(t) || cued) mark(i, i, 'name');
      continue;
    }
    if (unknown(t)) {
      const proper = t.cap || lexicon.isProperNoun(t.lower);
      const long = t.lower.length >= 3;
      if (proper || (cued && long) || (placeCueBefore(i) && t.lower.length >= 4)) {
        const place = placeCueBefore(i) || t.tags.has('Place') || t.tags.has('City') || t.tags.has('Country');
        mark(i, i, place ? 'place' : 'name');
      }
      continue;
    }
    if (midCap(t) && (cued || ['Person', 'FirstName', 'LastName'].some((tag) => t.tags.has(tag)))) {
      mark(i, i, 'name');
      continue;
    }
    // A capital after "in", "from", "to" is a place even when it is also a word ("in Walker"), but not
    // "in Year 10".
    if (midCap(t) && t.lower.length > 1 && placeCueBefore(i) && !/^\d/u.test(tokens[i + 1]?.lower ?? '')) {
      mark(i, i, 'place');
    }
  }

  // Two given names joined ("tom and harry"), even where each alone could be a word.
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, and, b] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (!['and', '&', 'n'].includes(and.lower) || a.taken || b.taken || a.allCaps || b.allCaps) continue;
    if (nameLike(a.lower) && nameLike(b.lower) && !ignored(a) && !ignored(b)) {
      if (!kinds.has(i)) mark(i, i, 'name');
      if (!kinds.has(i + 2)) mark(i + 2, i + 2, 'name');
    }
  }

  // A title and what follows it: "Mr Robson", "mrs patel", "Mr and Mrs Wilson".
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!TITLES.has(tokens[i]!.lower) || tokens[i]!.taken) continue;
    let j = i + 1;
    if (tokens[j]?.lower === 'and' && TITLES.has(tokens[j + 1]?.lower ?? '')) j += 2;
    const next = tokens[j];
    if (next && !next.taken && !NOT_IDENTIFYING.has(next.lower) && (next.cap || unknown(next) || kinds.has(j))) {
      mark(i, j, 'name');
    }
  }

  // Names run on: a surname after a name, more capitals after a place ("Jesmond Dene"), "X and Y".
  for (let i = 0; i < tokens.length - 1; i++) {
    const kind = kinds.get(i);
    if (!kind || kinds.has(i + 1)) continue;
    const next = tokens[i + 1]!;
    if (next.taken || ignored(next) || next.allCaps || text.slice(tokens[i]!.end, next.start).trim() !== '') continue;
    const surname = next.cap || (kind === 'name' && (unknown(next) || lexiconTags(next.lower).includes('LastName')));
    if (surname && !SCHOOLS.has(next.lower) && !STREETS.has(next.lower)) {
      mark(i + 1, i + 1, kind);
      continue;
    }
    const and = ['and', '&', 'n'].includes(next.lower) ? tokens[i + 2] : undefined;
    if (kind === 'name' && and && !kinds.has(i + 2) && !ignored(and) && !and.allCaps) {
      if (and.cap || nameLike(and.lower) || unknown(and)) mark(i + 2, i + 2, 'name');
    }
  }

  // Streets, areas and buildings: "12 Acacia Road", "the Meadow Well estate", "Rowan House".
  for (let i = 1; i < tokens.length; i++) {
    const suffix = tokens[i]!;
    if (suffix.taken) continue;
    const street = STREETS.has(suffix.lower);
    const area = AREAS.has(suffix.lower);
    const building = BUILDINGS.has(suffix.lower) && suffix.cap;
    if (!street && !area && !building) continue;
    let from = i;
    while (from - 1 >= 0 && i - from < 3) {
      const before = tokens[from - 1]!;
      if (before.taken || NOT_IDENTIFYING.has(before.lower) || before.allCaps) break;
      const named = namedCap(before) || kinds.has(from - 1) || (!building && unknown(before));
      if (!named) break;
      from--;
    }
    if (from === i) continue;
    const number = tokens[from - 1];
    if (number && /^\d+[a-z]?$/iu.test(number.lower) && !number.taken) {
      from--;
      const flat = tokens[from - 1];
      if (flat && /^(?:flat|apartment|apt|unit|no|number)$/iu.test(flat.lower)) from--;
    }
    mark(from, i, street ? 'address' : 'place');
  }

  // Schools: "Hilltop Academy", "St Marys RC Primary", "sunderland uni", "Durham Sixth Form Centre".
  for (let i = 1; i < tokens.length; i++) {
    const suffix = tokens[i]!;
    if (suffix.taken) continue;
    const sixthForm = suffix.lower === 'sixth' && tokens[i + 1]?.lower === 'form';
    const high = suffix.lower === 'high' && suffix.cap;
    if (!SCHOOLS.has(suffix.lower) && !sixthForm && !high) continue;
    let from = i;
    while (from - 1 >= 0 && i - from < 5) {
      const before = tokens[from - 1]!;
      if (before.taken) break;
      const inner = SCHOOL_INNER.has(before.lower) && (before.cap || before.allCaps || before.lower === 'of');
      const named =
        namedCap(before) || before.allCaps || kinds.has(from - 1) || unknown(before) || placeAt(from - 1) > 0;
      if (!(inner || (named && !NOT_IDENTIFYING.has(before.lower)))) break;
      from--;
    }
    while (from < i && SCHOOL_INNER.has(tokens[from]!.lower) && !/^(?:st\.?|saint)$/u.test(tokens[from]!.lower)) from++;
    let to = i;
    while (tokens[to + 1] && SCHOOL_TAIL.has(tokens[to + 1]!.lower) && !tokens[to + 1]!.taken) to++;
    // "University of Leeds"
    if (from === i && suffix.lower === 'university' && tokens[i + 1]?.lower === 'of' && tokens[i + 2]) {
      const place = tokens[i + 2]!;
      if (place.cap || placeAt(i + 2) > 0) mark(i, i + 2, 'school');
      continue;
    }
    if (from < i) mark(from, to, 'school');
  }

  // A saint's name is a church's or a school's: "St Thomas More", "St. Cuthbert's".
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!/^(?:st|saint)$/u.test(tokens[i]!.lower) || !tokens[i]!.cap) continue;
    let to = i;
    while (tokens[to + 1]?.cap && !tokens[to + 1]!.taken && to - i < 3) to++;
    if (to > i) mark(i, to, 'place');
  }
  return found;
}

function tokenise(text: string, taken: readonly Candidate[]): Token[] {
  const sentences = tagger()(text).json({ offset: true, terms: { offset: true } }) as Array<{
    terms: Array<{ tags: string[]; offset: { start: number; length: number } }>;
  }>;
  // compromise's terms come in text order: walk them beside the tokens.
  const tagged = sentences.flatMap((sentence) => sentence.terms);
  let term = 0;
  const brackets = [...text.matchAll(/\[[^\]]*\]/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const covered = [...taken, ...brackets];
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    const word = match[0];
    const lower = word
      .toLowerCase()
      .replace(/['’]s$/u, '')
      .replace(/’/gu, "'");
    const letters = word.replace(/[^\p{L}]/gu, '');
    const allCaps = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    const cap = !allCaps && /^\p{Lu}/u.test(word);
    let back = start - 1;
    while (back >= 0 && /[\s"'“‘(]/u.test(text[back]!)) back--;
    const sentenceStart = back < 0 || /[.!?\n]/u.test(text[back]!);
    const tags = new Set<string>();
    while (term < tagged.length && tagged[term]!.offset.start + tagged[term]!.offset.length <= start) term++;
    for (let k = term; k < tagged.length && tagged[k]!.offset.start < end; k++) {
      for (const tag of tagged[k]!.tags) tags.add(tag);
    }
    const inside = (span: { start: number; end: number }) => span.start < end && span.end > start;
    tokens.push({ text: word, lower, start, end, cap, allCaps, sentenceStart, tags, taken: covered.some(inside) });
  }
  return tokens;
}
