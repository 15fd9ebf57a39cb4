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
// "he'll", "i'd", "they've", "we're", "i'm": spelt out while the apostrophe still says which they are
// (without it, "he'll" is "hell" and "she'll" is "shell").
const CONTRACTION = /(\p{L})['’‘`´ʼ](ll|d|ve|re|m)(?![\p{L}\p{N}])/gu;
const CONTRACTED: Readonly<Record<string, string>> = { ll: 'will', d: 'would', ve: 'have', re: 'are', m: 'am' };
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
  selfharmed: 'self harmed',
  selfharmd: 'self harmed',
  harmd: 'harmed',
  shing: 'self harming',
  sef: 'self',
  slef: 'self',
  // Spelt as it sounds, or with letters dropped.
  wud: 'would',
  wld: 'would',
  wod: 'would',
  cud: 'could',
  shud: 'should',
  gna: 'going to',
  gunna: 'going to',
  gonnna: 'going to',
  gon: 'going to',
  finna: 'going to',
  goin: 'going',
  wen: 'when',
  wot: 'what',
  wat: 'what',
  dat: 'that',
  dem: 'them',
  dey: 'they',
  fone: 'phone',
  pix: 'pics',
  piccies: 'pics',
  luv: 'love',
  sumtimes: 'sometimes',
  sumtime: 'sometime',
  sumthing: 'something',
  somethin: 'something',
  evry: 'every',
  evryone: 'everyone',
  evrything: 'everything',
  evryday: 'every day',
  everyday: 'every day',
  cz: 'because',
  bcuz: 'because',
  bcoz: 'because',
  dnt: 'do not',
  wnt: 'want',
  wan: 'want',
  liv: 'live',
  hav: 'have',
  hv: 'have',
  dunno: 'do not know',
  mi: 'my',
  yh: 'yeah',
  nite: 'night',
  tonite: 'tonight',
  nuf: 'enough',
  hurted: 'hurt',
  hitted: 'hit',
  hitz: 'hits',
  hurtz: 'hurts',
  punchs: 'punches',
  punchd: 'punched',
  kickd: 'kicked',
  kiked: 'kicked',
  slaped: 'slapped',
  slapt: 'slapped',
  beated: 'beat',
  beatup: 'beat up',
  touchs: 'touches',
  touchd: 'touched',
  tuches: 'touches',
  tuched: 'touched',
  choaked: 'choked',
  choaks: 'chokes',
  chocked: 'choked',
  stragled: 'strangled',
  strangeled: 'strangled',
  groomd: 'groomed',
  missin: 'missing',
  runaway: 'run away',
  ranaway: 'ran away',
  ranoff: 'ran off',
  frightend: 'frightened',
  skared: 'scared',
  scard: 'scared',
  hungery: 'hungry',
  hungary: 'hungry',
  tabs: 'tablets',
  paracetemol: 'paracetamol',
  paracetomol: 'paracetamol',
  paracetamal: 'paracetamol',
  overdoes: 'overdose',
  ovadose: 'overdose',
  unalivin: 'unaliving',
  sewerslide: 'suicide',
  sewerslid: 'suicide',
  sooiside: 'suicide',
  bloke: 'man',
  nudez: 'nudes',
  noodz: 'nudes',
  nudies: 'nudes',
  dms: 'messages',
  dming: 'messaging',
  dmd: 'messaged',
  dmed: 'messaged',
  snap: 'snapchat',
  insta: 'instagram',
  ig: 'instagram',
  kys: 'kill yourself',
};

// Words with their final g dropped ("beatin", "touchin", "dyin"), read whole.
const DROPPED_G = new Set(
  (
    'beatin hittin kickin punchin slappin smackin touchin cuttin harmin hurtin burnin starvin livin dyin ' +
    'tryin runnin sleepin stayin sendin askin threatenin messagin goin doin gettin takin sellin holdin ' +
    'carryin droppin killin endin thinkin feelin lookin leavin shoutin screamin chokin grabbin pushin'
  ).split(' '),
);

// Long words that carry a screen's meaning, read through one slip of the keyboard ("suicdie",
// "strnagled"): a word of 7 letters or more one edit away (a letter added, dropped, changed, or two
// swapped) reads as the word; 10 letters or more, two edits.
const KEY_WORDS = [
  'suicide',
  'suicidal',
  'overdose',
  'overdosed',
  'paracetamol',
  'strangled',
  'strangling',
  'molested',
  'sexually',
  'exploited',
  'exploiting',
  'threatening',
  'threatened',
  'blackmailing',
  'blackmailed',
  'unaliving',
  'homeless',
  'groomed',
  'grooming',
];

// Split words joined back up, so "kill my self" reads as "kill myself".
const JOINS: ReadonlyArray<readonly [RegExp, string | ((...groups: string[]) => string)]> = [
  [/\bmy self\b/gu, 'myself'],
  [/\bour selves\b/gu, 'ourselves'],
  [/\bno body\b/gu, 'nobody'],
  [/\bstep (dad|mum|brother|sister|father|mother|parents?)\b/gu, 'step$1'],
  [/\bself harmd\b/gu, 'self harmed'],
  [/\bmyself harm/gu, 'my self harm'],
  // "me mam", "me dad": "my" in much of the North and the Midlands.
  [
    /\bme (mum|dad|da|nan|nana|gran|grandad|brother|sister|bro|sis|stepdad|stepmum|uncle|auntie|aunty|cousin)\b/gu,
    'my $1',
  ],
  // "hell", "shell", "ill" without their apostrophes: "he'll", "she'll", "i'll" only before a verb.
  [
    /\b(hell|shell|ill) (kill|hurt|stab|batter|beat|hit|smash|break|burn|send|put|get|come|do|be|end|run|go|just|never|probably|literally|actually|tell|make|take|jump|try|cut|find|show|post|share|leak|die|have|not|regret)\b/gu,
    (_: string, who: string, verb: string) => `${who === 'ill' ? 'i' : who === 'hell' ? 'he' : 'she'} will ${verb}`,
  ],
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
    .replace(CONTRACTION, (_, letter: string, ending: string) => `${letter} ${CONTRACTED[ending]}`)
    .replace(APOSTROPHES, '')
    .replace(LEET_TOKEN, (token) => readLeet(token, one))
    .replace(NOT_WORD, ' ')
    .replace(STRETCHED, '$1')
    .trim();
  const words = plain === '' ? [] : plain.split(' ');
  const spelt = words.map((word, i) => spellOut(word, words[i + 1])).join(' ');
  return JOINS.reduce(
    (joined, [pattern, replacement]) =>
      typeof replacement === 'string' ? joined.replace(pattern, replacement) : joined.replace(pattern, replacement),
    spelt,
  );
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
  const spelt = WORDS[word];
  if (spelt !== undefined) return spelt;
  if (DROPPED_G.has(word)) return `${word}g`;
  return nearKeyWord(word) ?? word;
}

function nearKeyWord(word: string): string | undefined {
  if (word.length < 6 || !/^[a-z]+$/u.test(word)) return undefined;
  for (const key of KEY_WORDS) {
    if (word === key || Math.abs(word.length - key.length) > 2) continue;
    const allowed = key.length >= 10 ? 2 : 1;
    if (editDistance(word, key, allowed) <= allowed) return key;
  }
  return undefined;
}

/** Optimal string alignment distance (a swap of two letters is one edit), or more than `most`. */
export function editDistance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > most) return most + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
