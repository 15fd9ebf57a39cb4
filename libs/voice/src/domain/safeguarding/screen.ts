import { InvalidInput } from '#kernel';
import { normaliseForScreen, screenReadings, squeeze } from './screen-text.js';

// The safeguarding screen: every view is read against the board's rules when it is submitted, and a
// flagged view goes to the safeguarding queue instead of the board. It is a FIRST filter, not a
// judgement: it errs towards flagging (a safeguarding lead closes a false alarm with "no further
// action"), and a moderator who reads a disclosure the screen missed escalates it by hand.

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
  readonly phrases: readonly string[];
  readonly patterns: readonly RegExp[];
}

const compiledLists = new WeakMap<readonly SafeguardingRule[], readonly CompiledRule[]>();

/** Screens a view's text against a board's rules. An empty list of rules flags nothing. */
export function screen(text: string, rules: readonly SafeguardingRule[]): ScreenResult {
  const compiled = compile(rules);
  const readings = screenReadings(text).map((reading) => ({ words: reading, squeezed: ` ${squeeze(reading)} ` }));
  const matchedCategories: string[] = [];
  for (const rule of compiled) {
    if (matchedCategories.includes(rule.category)) continue;
    const hit = readings.some(
      ({ words, squeezed }) =>
        rule.phrases.some((phrase) => squeezed.includes(phrase)) ||
        rule.patterns.some((pattern) => pattern.test(words)),
    );
    if (hit) matchedCategories.push(rule.category);
  }
  return { flagged: matchedCategories.length > 0, matchedCategories };
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
  const compiled = rules.map((rule) => ({
    category: rule.category,
    // Padded with spaces so a phrase only matches whole words of the padded text.
    phrases: rule.phrases.map((phrase) => ` ${squeeze(normaliseForScreen(phrase))} `),
    patterns: rule.patterns.map(wholeWords),
  }));
  compiledLists.set(rules, compiled);
  return compiled;
}

function wholeWords(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'u');
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
    const compiled = wholeWords(pattern);
    // A pattern that matches nothing at all would match every view.
    if (compiled.test('')) errors.push({ field, reason: 'must not match empty text' });
  } catch {
    errors.push({ field, reason: 'is not a valid regular expression' });
  }
}
