import { InvalidInput, type FieldError } from '#kernel';
import { checkSafeguardingRules, type SafeguardingRule } from '../safeguarding/screen.js';

// A board's own rules run against every child's text at submission. The screen module already refuses
// a pattern that does not compile or that matches empty text; here the shapes that can take
// exponential time (catastrophic backtracking) are refused too, before they are ever saved.
// The check is structural and errs towards refusing: a refused pattern can always be written
// another way (alternatives written out as separate patterns, a bounded repeat such as {0,3}).

export const MAX_LOCAL_RULES = 50;
export const MAX_PHRASES_PER_RULE = 500;
export const MAX_PATTERNS_PER_RULE = 100;
/** A repeat of at most this many times is bounded enough to nest. */
const SMALL_REPEAT = 3;

/** Checks a board's additions and answers them as plain rules (unknown keys dropped); 400 naming each bad field. */
export function checkLocalScreeningRules(rules: unknown): SafeguardingRule[] {
  // Every problem in one answer: the screen module's own checks, then the shapes that run too long.
  const errors: FieldError[] = [];
  try {
    checkSafeguardingRules(rules);
  } catch (error) {
    if (!(error instanceof InvalidInput) || !Array.isArray(rules)) throw error;
    errors.push(...error.errors);
  }
  const list = rules as ReadonlyArray<Partial<SafeguardingRule> | null>;
  if (list.length > MAX_LOCAL_RULES)
    errors.push({ field: 'rules', reason: `must have at most ${MAX_LOCAL_RULES} rules` });
  list.forEach((rule, i) => {
    if (Array.isArray(rule?.phrases) && rule.phrases.length > MAX_PHRASES_PER_RULE) {
      errors.push({ field: `rules[${i}].phrases`, reason: `must have at most ${MAX_PHRASES_PER_RULE} phrases` });
    }
    if (!Array.isArray(rule?.patterns)) return;
    if (rule.patterns.length > MAX_PATTERNS_PER_RULE) {
      errors.push({ field: `rules[${i}].patterns`, reason: `must have at most ${MAX_PATTERNS_PER_RULE} patterns` });
    }
    rule.patterns.forEach((pattern, j) => {
      const field = `rules[${i}].patterns[${j}]`;
      if (typeof pattern !== 'string' || errors.some((error) => error.field === field)) return;
      const reason = slowPatternReason(pattern);
      if (reason !== undefined) errors.push({ field, reason });
    });
  });
  if (errors.length > 0) {
    const fields = [...new Set(errors.map((error) => error.field))].join(', ');
    throw new InvalidInput(`Invalid input: ${fields}.`, errors);
  }
  return (list as readonly SafeguardingRule[]).map(({ category, phrases, patterns }) => ({
    category,
    phrases: [...phrases],
    patterns: [...patterns],
  }));
}

interface Quantifier {
  readonly length: number;
  /** Most repeats allowed (Infinity for *, + and {n,}). */
  readonly max: number;
}

interface Group {
  /** Something inside repeats more than once. */
  repeats: boolean;
  alternates: boolean;
}

/** Why a pattern could take exponential time on some text, or undefined when its shape is safe. */
export function slowPatternReason(source: string): string | undefined {
  if (/\\[1-9]|\\k</u.test(source)) return 'must not use back-references';
  const stack: Group[] = [{ repeats: false, alternates: false }];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    const top = stack[stack.length - 1]!;
    if (char === '\\') {
      i += 2;
    } else if (char === '[') {
      i = endOfClass(source, i);
    } else if (char === '(') {
      stack.push({ repeats: false, alternates: false });
      i++;
      continue;
    } else if (char === ')') {
      const inner = stack.length > 1 ? stack.pop()! : { repeats: false, alternates: false };
      const outer = stack[stack.length - 1]!;
      i++;
      const quantifier = quantifierAt(source, i);
      const max = quantifier?.max ?? 1;
      if (max > SMALL_REPEAT && inner.repeats) {
        return 'must not repeat a group that itself repeats (it could take too long on some texts): bound the outer repeat, e.g. {0,3}';
      }
      if (max > SMALL_REPEAT && inner.alternates) {
        return 'must not repeat a group of alternatives without a bound (it could take too long on some texts): use e.g. {0,3} or separate patterns';
      }
      if (inner.repeats || max > 1) outer.repeats = true;
      if (quantifier) i += quantifier.length;
      continue;
    } else if (char === '|') {
      top.alternates = true;
      i++;
      continue;
    } else {
      i++;
    }
    // An atom just ended (escape, class or plain character): its own quantifier, if any.
    const quantifier = quantifierAt(source, i);
    if (quantifier) {
      if (quantifier.max > 1) top.repeats = true;
      i += quantifier.length;
    }
  }
  return undefined;
}

function endOfClass(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

function quantifierAt(source: string, i: number): Quantifier | undefined {
  const lazy = (length: number) => (source[i + length] === '?' ? length + 1 : length);
  const char = source[i];
  if (char === '*' || char === '+') return { length: lazy(1), max: Infinity };
  if (char === '?') return { length: lazy(1), max: 1 };
  const braces = /^\{(\d+)(,(\d*))?\}/u.exec(source.slice(i));
  if (braces === null) return undefined;
  const max = braces[2] === undefined ? Number(braces[1]) : braces[3] === '' ? Infinity : Number(braces[3]);
  return { length: lazy(braces[0].length), max };
}
