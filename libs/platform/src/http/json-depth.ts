/**
 * The most arrays and objects a JSON request body may nest. The deepest body any route takes is four
 * levels (a decision's voice evidence and its citations); past this the body is refused before it is
 * parsed, because the validation pipe (class-transformer) recurses once per level and some thousands
 * of levels would exhaust the stack: a 500 where the client deserves a 400.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether JSON text nests arrays and objects more than `limit` deep, counted without parsing (brackets
 * inside strings do not count). UTF-8 continuation bytes never equal an ASCII bracket or quote, so the
 * bytes can be scanned as they are.
 */
export function jsonNestsDeeperThan(text: Buffer | string, limit = MAX_JSON_DEPTH): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPEN.has(byte)) {
      if (++depth > limit) return true;
    } else if (CLOSE.has(byte)) {
      depth--;
    }
  }
  return false;
}
