// How the safeguarding screen reads a young person's words. Children and young people write on phones:
// lower case, no punctuation, text-speak ("wanna", "u", "no1"), stretched letters ("sooo"), leetspeak
// ("k1ll", "d!e") and misspellings. The screen compares rules and text only after both pass through the
// same normalisation, so a rule written in plain English ("I don't feel safe at home") also matches
// "i dont feel safe at home", "I DON'T FEEL SAFE AT HOME!!!" and "i don’t feel saaafe at home".

/** Which reading of an ambiguous leetspeak "1" to use: "k1ll" needs i, "ki11" needs l. */
export type LeetOne = 'i' | 'l';

const FORMAT_CHARS = /\p{Cf}/gu; // zero-width joiners and spaces, soft hyphens
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’‘`´ʼ]/gu;
const LEET_TOKEN = /[\p{L}\p{N}@$!|]+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const STRETCHED = /(\p{L})\1{2,}/gu; // three or more of the same letter: "sooo", "dieeee"
const DOUBLED = /(\p{L})\1+/gu;

// Numbers with a unit or suffix stay numbers: "5pm", "3rd", "15yo", "10kms" are not leetspeak.
const MEASURE = /^\d+(st|nd|rd|th|am|pm|s|yo|yrs?|k|km|kms|m|mins?|hrs?|h|x|p|ish|mg|g|kg|ml|lb|lbs)?$/u;
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

// Text-speak written with digits, read before leetspeak would turn "no1" into "noi".
const DIGIT_WORDS: Readonly<Record<string, string>> = {
  no1: 'no one',
  some1: 'someone',
  sum1: 'someone',
  any1: 'anyone',
  ne1: 'anyone',
  every1: 'everyone',
  b4: 'before',
  '2day': 'today',
  '2nite': 'tonight',
  '2night': 'tonight',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  m8: 'mate',
  m8s: 'mates',
  gr8: 'great',
  l8: 'late',
  l8r: 'later',
  h8: 'hate',
  h8s: 'hates',
  w8: 'wait',
  '4get': 'forget',
  '4ever': 'forever',
};

// Whole words rewritten to one spelling (contractions lose their apostrophe first: "don't" -> "dont").
const WORDS: Readonly<Record<string, string>> = {
  u: 'you',
  ya: 'you',
  ur: 'your',
  r: 'are',
  n: 'and',
  b: 'be',
  im: 'i am',
  ive: 'i have',
  hed: 'he would',
  theyd: 'they would',
  hes: 'he is',
  shes: 'she is',
  theyre: 'they are',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'cannot',
  cnt: 'cannot',
  wont: 'will not',
  wouldnt: 'would not',
  isnt: 'is not',
  wasnt: 'was not',
  aint: 'is not',
  havent: 'have not',
  hasnt: 'has not',
  arent: 'are not',
  werent: 'were not',
  wanna: 'want to',
  wana: 'want to',
  wnna: 'want to',
  gonna: 'going to',
  gona: 'going to',
  gotta: 'got to',
  tryna: 'trying to',
  lemme: 'let me',
  gimme: 'give me',
  cuz: 'because',
  coz: 'because',
  cos: 'because',
  cus: 'because',
  bc: 'because',
  bcos: 'because',
  becos: 'because',
  becuz: 'because',
  pls: 'please',
  plz: 'please',
  ppl: 'people',
  nobdy: 'nobody',
  noone: 'no one',
  nuffin: 'nothing',
  nothin: 'nothing',
  nuthin: 'nothing',
  sumthin: 'something',
  sed: 'said',
  sez: 'says',
  wiv: 'with',
  wif: 'with',
  frm: 'from',
  rly: 'really',
  til: 'until',
  till: 'until',
  mam: 'mum',
  mom: 'mum',
  mammy: 'mum',
  mummy: 'mum',
  mommy: 'mum',
  daddy: 'dad',
  meself: 'myself',
  myslef: 'myself',
  myslf: 'myself',
  mysef: 'myself',
  selfharm: 'self harm',
  selfharming: 'self harming',
};

// Split words joined back up, so "kill my self" reads as "kill myself".
const JOINS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bmy self\b/gu, 'myself'],
  [/\bour selves\b/gu, 'ourselves'],
  [/\bno body\b/gu, 'nobody'],
  [/\bstep (dad|mum)\b/gu, 'step$1'],
];

// A bare "2" or "4" is "to"/"for" ("want 2 die") unless it counts something ("for 2 days").
const COUNTED = new Set(
  'and or of days day nights night weeks week hours hour mins minutes months years times pm am hrs yrs'.split(' '),
);

/**
 * The text the screen matches patterns against: Unicode NFKC, accents and zero-width characters
 * removed, lower case, leetspeak read as letters, punctuation as spaces, text-speak spelt out,
 * three or more repeats of a letter cut to one ("sooo" -> "so"), single spaces.
 */
export function normaliseForScreen(text: string, one: LeetOne = 'i'): string {
  const plain = text
    .normalize('NFKD')
    .replace(MARKS, '')
    .normalize('NFKC')
    .replace(FORMAT_CHARS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(LEET_TOKEN, (token) => readLeet(token, one))
    .replace(NOT_WORD, ' ')
    .replace(STRETCHED, '$1')
    .trim();
  const words = plain === '' ? [] : plain.split(' ');
  const spelt = words.map((word, i) => spellOut(word, words[i + 1])).join(' ');
  return JOINS.reduce((joined, [pattern, replacement]) => joined.replace(pattern, replacement), spelt);
}

/**
 * Every letter run cut to one ("kill" -> "kil", "feeds" -> "feds"): phrases are compared in this
 * form on both sides, so stretched words ("killlll") and dropped or doubled letters ("hiting",
 * "scarred" for "scared") still match.
 */
export function squeeze(normalised: string): string {
  return normalised.replace(DOUBLED, '$1');
}

/** The readings of a text the screen tries: two when a "1" could be an i or an l. */
export function screenReadings(text: string): string[] {
  const asI = normaliseForScreen(text, 'i');
  if (!text.includes('1')) return [asI];
  const asL = normaliseForScreen(text, 'l');
  return asL === asI ? [asI] : [asI, asL];
}

function readLeet(token: string, one: LeetOne): string {
  // "help!!!" ends in punctuation, not in letters; "!" leading a word is punctuation too.
  const core = token.replace(/^!+|[@$!|]+$/gu, '');
  if (!/\p{L}/u.test(core) || MEASURE.test(core)) return token;
  const word = DIGIT_WORDS[core];
  if (word !== undefined) return word;
  return core.replace(/[0-9@$!|]/gu, (char) => (char === '1' ? one : (LEET[char] ?? char)));
}

function spellOut(word: string, next: string | undefined): string {
  if (word === '2' || word === '4') {
    if (next !== undefined && (COUNTED.has(next) || /^\d/u.test(next))) return word;
    return word === '2' ? 'to' : 'for';
  }
  return WORDS[word] ?? word;
}
