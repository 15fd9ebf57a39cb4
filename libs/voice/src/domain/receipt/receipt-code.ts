import { createHmac } from 'node:crypto';
import { InvalidInput } from '#kernel';

// A young person's receipt code: the only key to their view, shown once, written on paper or read
// out over the phone to an advocate. So: Crockford base32 (digits and capitals without I, L, O, U:
// no 0/O or 1/I/L confusion, no accidental words with U), read case-insensitively, with lookalikes
// forgiven, and a check symbol that catches a slip of the pen before any lookup happens.
//
//   7KQ2-M9XD-4RTW-8H      13 data symbols x 5 bits = 65 bits of entropy, + 1 check symbol
//
// Fourteen symbols, not the seventeen (80 bits) codes had until issue 22: short enough for an
// 8-year-old to copy from a screen in four small groups, and still over 64 bits against guessing, with
// the rate limits on code checks in front (docs/adr/0024-receipt-code.md). Codes given before then keep
// working: a seventeen-symbol code with its check symbol right is read as it always was.
//
// The check symbol is the GF(32) weighted sum of the data symbols (weights α^1..α^16 for a primitive
// α, the check itself weighted 1). Every weight is distinct and non-zero, so any single substitution
// and any swap of two neighbouring symbols changes the sum. It stays inside the 32 symbols, unlike
// Crockford's mod-37 check, whose extra symbols (* ~ $ = U) are hard to read aloud or write down.

/** A canonical receipt code: 14 upper-case Crockford symbols (17 for one given before issue 22), no separators. */
export type ReceiptCode = string & { readonly __brand: 'ReceiptCode' };

/** Supplies n cryptographically secure random bytes (node:crypto's randomBytes in production). */
export type RandomBytes = (size: number) => Uint8Array;

export const RECEIPT_CODE_ENTROPY_BITS = 65;
export const RECEIPT_CODE_DATA_LENGTH = 13;
export const RECEIPT_CODE_LENGTH = RECEIPT_CODE_DATA_LENGTH + 1;
/** The length of the 80-bit codes given before issue 22, still read. */
export const EARLIER_RECEIPT_CODE_LENGTH = 17;

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Whole bytes holding the entropy: 9 (72 bits), of which the code takes the first 65. */
const RANDOM_BYTES = Math.ceil(RECEIPT_CODE_ENTROPY_BITS / 8);
const MIN_PEPPER_BYTES = 16;

/** Why a typed-in code was refused; never echoes the code itself. */
export type ReceiptCodeProblem = 'empty' | 'wrong-length' | 'invalid-character' | 'check-failed';

const PROBLEMS: Readonly<Record<ReceiptCodeProblem, string>> = {
  empty: 'is required',
  'wrong-length': `must have ${RECEIPT_CODE_LENGTH} letters and digits`,
  'invalid-character': 'may contain only letters and digits (no U)',
  'check-failed': 'has a typing mistake: please check it against your receipt',
};

export class InvalidReceiptCode extends InvalidInput {
  constructor(readonly problem: ReceiptCodeProblem) {
    super('That receipt code is not valid.', [{ field: 'receiptCode', reason: PROBLEMS[problem] }]);
  }
}

/** A new code from 9 random bytes, canonical (for hashing) and grouped (to show the young person). */
export function generateReceiptCode(randomBytes: RandomBytes): { code: ReceiptCode; display: string } {
  const bytes = randomBytes(RANDOM_BYTES);
  if (bytes.length !== RANDOM_BYTES) throw new RangeError(`expected ${RANDOM_BYTES} random bytes`);
  const values = fiveBitGroups(bytes).slice(0, RECEIPT_CODE_DATA_LENGTH);
  const code = [...values, checkValue(values)].map((value) => CROCKFORD_ALPHABET[value]).join('') as ReceiptCode;
  return { code, display: formatReceiptCode(code) };
}

/** "7KQ2M9XD4RTW8H" -> "7KQ2-M9XD-4RTW-8H": groups of four, the last with the check symbol. */
export function formatReceiptCode(code: ReceiptCode): string {
  return [...(code.match(/.{1,4}/g) ?? [])].join('-');
}

/**
 * Reads a code as typed: spaces and dashes ignored, any case, I and L read as 1, O as 0; then the
 * check symbol is verified. Returns the canonical code or throws InvalidReceiptCode.
 */
export function normaliseReceiptCode(input: string): ReceiptCode {
  const compact = String(input ?? '')
    .replace(/[\s\-‐‑‒–—_.]+/gu, '')
    .toUpperCase()
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (compact === '') throw new InvalidReceiptCode('empty');
  if ([...compact].some((char) => !CROCKFORD_ALPHABET.includes(char))) {
    throw new InvalidReceiptCode('invalid-character');
  }
  if (compact.length !== RECEIPT_CODE_LENGTH && compact.length !== EARLIER_RECEIPT_CODE_LENGTH) {
    throw new InvalidReceiptCode('wrong-length');
  }
  const values = [...compact].map((char) => CROCKFORD_ALPHABET.indexOf(char));
  const check = values.pop() as number;
  if (checkValue(values) !== check) throw new InvalidReceiptCode('check-failed');
  return compact as ReceiptCode;
}

/**
 * The lookup key: hex HMAC-SHA256 of the canonical code under a server-side pepper. Codes are stored
 * only as this hash, so a copy of the database cannot be turned back into codes without the pepper.
 */
export function hashReceiptCode(code: string, pepper: string | Uint8Array): string {
  const bytes = typeof pepper === 'string' ? Buffer.byteLength(pepper) : pepper.length;
  if (bytes < MIN_PEPPER_BYTES)
    throw new RangeError(`the receipt-code pepper needs at least ${MIN_PEPPER_BYTES} bytes`);
  return createHmac('sha256', pepper).update(normaliseReceiptCode(code)).digest('hex');
}

function fiveBitGroups(bytes: Uint8Array): number[] {
  const values: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      values.push((buffer >> bits) & 31);
    }
    buffer &= (1 << bits) - 1;
  }
  return values;
}

// GF(32) built on the primitive polynomial x^5 + x^2 + 1.
const EXP: number[] = [];
const LOG: number[] = new Array<number>(32).fill(0);
for (let i = 0, x = 1; i < 31; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 32) x ^= 0b100101;
}

function multiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[(LOG[a] + LOG[b]) % 31];
}

/** The symbol that makes Σ value_i·α^(i+1) + check·1 zero (addition in GF(32) is XOR). */
function checkValue(values: readonly number[]): number {
  return values.reduce((sum, value, i) => sum ^ multiply(value, EXP[(i + 1) % 31]), 0);
}
