import { InvalidInput } from '#kernel';
import { rootReading } from './screen-lemmas.js';
import { normaliseForScreen, screenReadings, squeeze } from './screen-text.js';

// The safeguarding screen: every view is read against the board's rules when it is submitted, and a
// flagged view goes to the safeguarding queue instead of the board. It is a FIRST filter, not a
// judgement: it errs towards flagging (a safeguarding lead closes a false alarm with "no further
// action"), and a moderator who reads a disclosure the screen missed escalates it by hand.
//
// A view is read three ways, and a rule flags it when it matches any of them: the normalised text with
// a leetspeak "1" as i, the same with "1" as l (when there is a "1"), and the normalised text with each
// word at its root (compromise's lemmas: "he was hitting me" -> "he is hit me"). Everything runs in
// this process: no external service ever sees a child's words.

/** The categories the default rules use; a board may add its own. */
export type SafeguardingCategory =
  | 'harm'
  | 'abuse'
  | 'self-harm'
  | 'suicide'
  | 'running-away'
  | 'exploitation'
  | 'neglect'
  // Any other category a board configures ("radicalisation", local terms), keeping the names above suggested.
  | (string & NonNullable<unknown>);

/**
 * One entry of a board's list.
 * - phrases: plain words, matched whole-word after both sides are normalised (case, punctuation,
 *   apostrophes, text-speak, leetspeak, repeated letters), so "I don't feel safe" covers "i dont feel safe".
 * - patterns: JavaScript regular expression sources, matched against the normalised text (lower case,
 *   no punctuation, single spaces, text-speak spelt out: "wanna" is "want to", "im" is "i am"), with
 *   runs of three or more of a letter cut to one (write `kil+` to allow "kil"). Every pattern is
 *   anchored to whole words: it cannot match inside a longer word.
 */
export interface SafeguardingRule {
  readonly category: SafeguardingCategory;
  readonly phrases: readonly string[];
  readonly patterns: readonly string[];
  /**
   * Contexts that set a match aside: regular expressions over the same normalised text, written like
   * `patterns`. A phrase or pattern matched wholly inside a stretch one of these matches is not a
   * disclosure ("beats me at fifa", "a workshop about county lines", "cut myself shaving"); any other
   * match of the rule still flags. Used by the default rules; a board's own rules have none.
   */
  readonly unless?: readonly string[];
}

export interface ScreenResult {
  readonly flagged: boolean;
  /** Distinct categories matched, in the order of the rules. Never the words that matched. */
  readonly matchedCategories: string[];
}

// Board-supplied patterns run against a child's text at submission: keep them short.
const MAX_PATTERN_LENGTH = 2_000;
const MAX_PHRASE_LENGTH = 200;

interface CompiledRule {
  readonly category: string;
  /** Squeezed and padded, compared with `includes` (rules without `unless`). */
  readonly phrases: readonly string[];
  readonly patterns: readonly RegExp[];
  /** Global forms of the phrases and patterns, to find every match and its place (rules with `unless`). */
  readonly everyMatch: readonly RegExp[];
  /**
   * All of `everyMatch` as one alternation, to learn in one pass whether any of them matches at all before
   * finding every place each one does (most views match none). Absent when they cannot be joined.
   */
  readonly anyMatch?: RegExp;
  readonly unless: readonly RegExp[];
}

interface Reading {
  readonly words: string;
  readonly squeezed: string;
  /** For the root reading: the reading it was made from, word for word (same number of words). */
  readonly source?: string;
}

const compiledLists = new WeakMap<readonly SafeguardingRule[], readonly CompiledRule[]>();

/** Screens a view's text against a board's rules. An empty list of rules flags nothing. */
export function screen(text: string, rules: readonly SafeguardingRule[]): ScreenResult {
  const compiled = compile(rules);
  if (compiled.length === 0) return { flagged: false, matchedCategories: [] };
  const readings = readingsOf(text);
  const matchedCategories: string[] = [];
  for (const rule of compiled) {
    if (matchedCategories.includes(rule.category)) continue;
    if (readings.some((reading) => matches(rule, reading))) matchedCategories.push(rule.category);
  }
  return { flagged: matchedCategories.length > 0, matchedCategories };
}

function readingsOf(text: string): Reading[] {
  const plain = screenReadings(text);
  const all: Reading[] = plain.map((words) => ({ words, squeezed: ` ${squeeze(words)} ` }));
  for (const reading of plain) {
    const roots = rootReading(reading);
    if (all.some(({ words }) => words === roots)) continue;
    // Word for word, a context found in the words as written also sets aside the same words' roots
    // ("cut myself shaving" is "cut myself shave" at the root, and still shaving).
    const aligned = wordCount(roots) === wordCount(reading);
    all.push({ words: roots, squeezed: ` ${squeeze(roots)} `, source: aligned ? reading : undefined });
  }
  return all;
}

function matches(rule: CompiledRule, { words, squeezed, source }: Reading): boolean {
  if (rule.unless.length === 0) {
    return rule.phrases.some((phrase) => squeezed.includes(phrase)) || rule.patterns.some((p) => p.test(words));
  }
  if (rule.anyMatch && !rule.anyMatch.test(words)) return false;
  const found = rule.everyMatch.flatMap((matcher) => spans(matcher, words));
  if (found.length === 0) return false;
  // Contexts as ranges of words, so those found in the source reading apply to its roots too.
  const excused = rule.unless.flatMap((context) => spans(context, words).map((span) => wordsOf(words, span)));
  if (source !== undefined) {
    excused.push(...rule.unless.flatMap((context) => spans(context, source).map((span) => wordsOf(source, span))));
  }
  return found.some((span) => {
    const [first, last] = wordsOf(words, span);
    return !excused.some(([from, to]) => from <= first && last <= to);
  });
}

const wordCount = (text: string) => (text === '' ? 0 : text.split(' ').length);

/** The first and last word (0-based) a span of a reading touches. */
function wordsOf(text: string, [start, end]: readonly [number, number]): readonly [number, number] {
  const first = wordCount(text.slice(0, start).trimEnd()) - (start > 0 && text[start - 1] !== ' ' ? 1 : 0);
  const last = wordCount(text.slice(0, Math.max(start, end - 1) + 1).trimEnd()) - 1;
  return [Math.max(0, first), Math.max(0, last)];
}

/** Every match of a global expression, one from each place it can start (so overlapping ones too). */
function spans(expression: RegExp, text: string): Array<readonly [number, number]> {
  const found: Array<readonly [number, number]> = [];
  expression.lastIndex = 0;
  for (let match = expression.exec(text); match !== null; match = expression.exec(text)) {
    found.push([match.index, match.index + match[0].length]);
    expression.lastIndex = match.index + 1;
  }
  return found;
}

/**
 * Checks a board's rules before they are saved, so a bad regular expression is a clear 400 at
 * configuration time and never an error while a young person submits a view.
 */
export function checkSafeguardingRules(rules: unknown): asserts rules is readonly SafeguardingRule[] {
  const errors: Array<{ field: string; reason: string }> = [];
  if (!Array.isArray(rules)) {
    throw new InvalidInput('Invalid input: rules.', [{ field: 'rules', reason: 'must be a list' }]);
  }
  rules.forEach((rule: Partial<SafeguardingRule> | null, i) => {
    const at = `rules[${i}]`;
    if (typeof rule?.category !== 'string' || !/^[a-z][a-z0-9-]{0,62}$/u.test(rule.category)) {
      errors.push({ field: `${at}.category`, reason: 'must be a dash-case code' });
    }
    if (!Array.isArray(rule?.phrases)) errors.push({ field: `${at}.phrases`, reason: 'must be a list' });
    else rule.phrases.forEach((phrase, j) => checkPhrase(phrase, `${at}.phrases[${j}]`, errors));
    if (!Array.isArray(rule?.patterns)) errors.push({ field: `${at}.patterns`, reason: 'must be a list' });
    else rule.patterns.forEach((pattern, j) => checkPattern(pattern, `${at}.patterns[${j}]`, errors));
    if (rule?.unless !== undefined) {
      if (!Array.isArray(rule.unless)) errors.push({ field: `${at}.unless`, reason: 'must be a list' });
      else rule.unless.forEach((context, j) => checkPattern(context, `${at}.unless[${j}]`, errors));
    }
  });
  if (errors.length > 0) {
    const fields = [...new Set(errors.map((error) => error.field))].join(', ');
    throw new InvalidInput(`Invalid input: ${fields}.`, errors);
  }
}

function compile(rules: readonly SafeguardingRule[]): readonly CompiledRule[] {
  const cached = compiledLists.get(rules);
  if (cached !== undefined) return cached;
  checkSafeguardingRules(rules);
  const compiled = rules.map((rule) => compiledRules.get(rule) ?? compileRule(rule));
  compiledLists.set(rules, compiled);
  return compiled;
}

// One compiled form per rule object: the defaults are compiled once, whichever board's list holds them.
const compiledRules = new WeakMap<SafeguardingRule, CompiledRule>();

function compileRule(rule: SafeguardingRule): CompiledRule {
  const withContexts = rule.unless !== undefined && rule.unless.length > 0;
  const matchSources = withContexts
    ? [...rule.phrases.map((phrase) => letterRuns(squeeze(normaliseForScreen(phrase)))), ...rule.patterns]
    : [];
  const compiled: CompiledRule = {
    category: rule.category,
    // Padded with spaces so a phrase only matches whole words of the padded text.
    phrases: withContexts ? [] : rule.phrases.map((phrase) => ` ${squeeze(normaliseForScreen(phrase))} `),
    patterns: withContexts ? [] : rule.patterns.map((pattern) => wholeWords(pattern)),
    everyMatch: matchSources.map((source) => wholeWords(source, 'g')),
    anyMatch: joinable(matchSources) ? wholeWords(matchSources.map((source) => `(?:${source})`).join('|')) : undefined,
    unless: (rule.unless ?? []).map((context) => wholeWords(context, 'g')),
  };
  compiledRules.set(rule, compiled);
  return compiled;
}

/** Sources that keep their meaning side by side in one expression: no numbered or named groups to refer to. */
function joinable(sources: readonly string[]): boolean {
  return sources.length > 1 && sources.every((source) => !/\\[1-9k]|\(\?<[A-Za-z]/.test(source));
}

function wholeWords(source: string, flags = ''): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, `u${flags}`);
}

/** A squeezed phrase as an expression that allows each letter to be stretched or doubled ("kil" -> "k+i+l+"). */
function letterRuns(squeezed: string): string {
  return [...squeezed].map((char) => (/\p{L}/u.test(char) ? `${char}+` : char)).join('');
}

function checkPhrase(phrase: unknown, field: string, errors: Array<{ field: string; reason: string }>): void {
  if (typeof phrase !== 'string' || phrase.length > MAX_PHRASE_LENGTH || normaliseForScreen(phrase) === '') {
    errors.push({ field, reason: `must be words (at most ${MAX_PHRASE_LENGTH} characters)` });
  }
}

function checkPattern(pattern: unknown, field: string, errors: Array<{ field: string; reason: string }>): void {
  if (typeof pattern !== 'string' || pattern.trim() === '' || pattern.length > MAX_PATTERN_LENGTH) {
    errors.push({ field, reason: `must be a regular expression (at most ${MAX_PATTERN_LENGTH} characters)` });
    return;
  }
  try {
    // Compiled as the screen will use it (global), so the engine's cache serves the screen too.
    const compiled = wholeWords(pattern, 'g');
    // A pattern that matches nothing at all would match every view.
    if (compiled.test('')) errors.push({ field, reason: 'must not match empty text' });
  } catch {
    errors.push({ field, reason: 'is not a valid regular expression' });
  }
}
