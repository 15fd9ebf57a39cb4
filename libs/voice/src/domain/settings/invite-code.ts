import { createHmac } from 'node:crypto';
import { InvalidInput } from '#kernel';
import { CROCKFORD_ALPHABET, type RandomBytes } from '../receipt/receipt-code.js';

// An invite code a participation worker hands out at a session ("XK4M-9TQ2-H7RW"): 12 Crockford
// symbols (60 bits: far beyond guessing through a rate-limited route), read aloud without 0/O or
// 1/I/L confusion, any case, dashes and spaces ignored. Stored only as an HMAC under the server's pepper.

export const INVITE_CODE_LENGTH = 12;
const MIN_PEPPER_BYTES = 16;

/** A new code: canonical (to hash) and grouped (to show once). */
export function generateInviteCode(randomBytes: RandomBytes): { code: string; display: string } {
  const bytes = randomBytes(INVITE_CODE_LENGTH);
  if (bytes.length !== INVITE_CODE_LENGTH) throw new RangeError(`expected ${INVITE_CODE_LENGTH} random bytes`);
  // 256 is a multiple of 32: the low five bits of a random byte are uniform.
  const code = [...bytes].map((byte) => CROCKFORD_ALPHABET[byte & 31]).join('');
  return { code, display: code.match(/.{4}/gu)!.join('-') };
}

/** The code as typed, canonical; InvalidInput (field inviteCode) when it cannot be one. */
export function normaliseInviteCode(input: string): string {
  const compact = String(input ?? '')
    .replace(/[\s\-‐‑‒–—_.]+/gu, '')
    .toUpperCase()
    .replace(/[IL]/gu, '1')
    .replace(/O/gu, '0');
  if (compact.length !== INVITE_CODE_LENGTH || [...compact].some((char) => !CROCKFORD_ALPHABET.includes(char))) {
    throw new InvalidInput('That invite code is not valid.', [
      { field: 'inviteCode', reason: `must have ${INVITE_CODE_LENGTH} letters and digits` },
    ]);
  }
  return compact;
}

/** Hex HMAC-SHA256 of the canonical code, kept apart from receipt-code hashes by its own prefix. */
export function hashInviteCode(code: string, pepper: string): string {
  if (Buffer.byteLength(pepper) < MIN_PEPPER_BYTES) {
    throw new RangeError(`the pepper needs at least ${MIN_PEPPER_BYTES} bytes`);
  }
  return createHmac('sha256', pepper)
    .update(`invite:${normaliseInviteCode(code)}`)
    .digest('hex');
}
