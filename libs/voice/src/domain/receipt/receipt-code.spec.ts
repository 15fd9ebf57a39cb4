import { InvalidInput } from '#kernel';
import {
  CROCKFORD_ALPHABET,
  formatReceiptCode,
  generateReceiptCode,
  hashReceiptCode,
  InvalidReceiptCode,
  normaliseReceiptCode,
  RECEIPT_CODE_ENTROPY_BITS,
  RECEIPT_CODE_LENGTH,
  type RandomBytes,
  type ReceiptCode,
} from './receipt-code.js';

// Deterministic "random" bytes: a fixed sequence, so every run sees the same codes.
const fixedBytes =
  (...bytes: number[]): RandomBytes =>
  (size) =>
    Uint8Array.from({ length: size }, (_, i) => bytes[i % bytes.length]);
const sequence = (seed: number): RandomBytes =>
  fixedBytes(...Array.from({ length: 10 }, (_, i) => (seed * 37 + i * 101) & 255));

const pepper = 'a-server-side-pepper-of-32-bytes';
const otherPepper = 'another-server-pepper-32-bytes!!';

function problemOf(input: string): string | undefined {
  try {
    normaliseReceiptCode(input);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidReceiptCode) return error.problem;
    throw error;
  }
}

describe('receipt code: generation', () => {
  it('asks for 9 bytes of randomness and keeps 65 bits of it (at least 64), as it states', () => {
    const sizes: number[] = [];
    generateReceiptCode((size) => {
      sizes.push(size);
      return new Uint8Array(size);
    });
    expect(sizes).toEqual([9]);
    expect(RECEIPT_CODE_ENTROPY_BITS).toBe(65);
  });

  it('encodes every bit it keeps: flipping any one of the first 65 bits changes the code, the last 7 nothing', () => {
    const base = new Uint8Array(9).fill(0xa5);
    const flip = (bit: number) => {
      const flipped = Uint8Array.from(base);
      flipped[bit >> 3]! ^= 0x80 >> (bit & 7); // bits counted from the first byte's highest
      return generateReceiptCode(() => flipped).code;
    };
    const codes = new Set([generateReceiptCode(() => base).code]);
    for (let bit = 0; bit < 65; bit++) codes.add(flip(bit));
    expect(codes.size).toBe(66);
    for (let bit = 65; bit < 72; bit++) expect(flip(bit)).toBe(generateReceiptCode(() => base).code);
  });

  it('maps the smallest and largest inputs to the ends of the alphabet', () => {
    expect(generateReceiptCode(fixedBytes(0)).display).toBe('0000-0000-0000-00');
    expect(generateReceiptCode(fixedBytes(0xff)).code.slice(0, 13)).toBe('Z'.repeat(13));
  });

  it('is 14 Crockford symbols (no I, L, O, U), shown in groups of four, the last of two with the check symbol', () => {
    for (let seed = 0; seed < 50; seed++) {
      const { code, display } = generateReceiptCode(sequence(seed));
      expect(code).toHaveLength(RECEIPT_CODE_LENGTH);
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{14}$/);
      expect(display).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}-[0-9A-HJKMNP-TV-Z]{2}$/);
      expect(display.replaceAll('-', '')).toBe(code);
    }
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
    expect(CROCKFORD_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('refuses a random source that returns the wrong number of bytes', () => {
    expect(() => generateReceiptCode(() => new Uint8Array(8))).toThrow(RangeError);
    expect(() => generateReceiptCode(() => new Uint8Array(10))).toThrow(RangeError);
  });
});

describe('receipt code: codes given before issue 22 (17 symbols, 80 bits)', () => {
  // Made by the earlier generator (commit before this change) from sequence(3) and sequence(11).
  const EARLIER = ['DZA3-K7G3-D36K-55ZW-G', 'JZY6-3HHB-J3TN-NFS4-X'];

  it('still reads them, in any case and spacing, and hashes them as before', () => {
    for (const display of EARLIER) {
      const code = normaliseReceiptCode(display.toLowerCase().replaceAll('-', ' '));
      expect(code).toBe(display.replaceAll('-', ''));
      expect(formatReceiptCode(code)).toBe(display);
      expect(hashReceiptCode(display, pepper)).toBe(hashReceiptCode(code, pepper));
    }
  });

  it('still catches a slip of the pen in them', () => {
    const code = EARLIER[0]!.replaceAll('-', '');
    for (let position = 0; position < code.length; position++) {
      const symbol = code[position] === '7' ? '8' : '7';
      expect(problemOf(code.slice(0, position) + symbol + code.slice(position + 1))).toBe('check-failed');
    }
  });
});

describe('receipt code: reading a typed code', () => {
  const { code, display } = generateReceiptCode(sequence(7));

  it('round-trips the canonical and the displayed code', () => {
    expect(normaliseReceiptCode(code)).toBe(code);
    expect(normaliseReceiptCode(display)).toBe(code);
    expect(formatReceiptCode(normaliseReceiptCode(display))).toBe(display);
  });

  it('accepts lower case, spaces, dashes and lookalike letters', () => {
    expect(normaliseReceiptCode(display.toLowerCase())).toBe(code);
    expect(normaliseReceiptCode(` ${display.replaceAll('-', ' ')} `)).toBe(code);
    expect(normaliseReceiptCode([...code].join(' - '))).toBe(code);
    expect(normaliseReceiptCode(display.replaceAll('-', '–'))).toBe(code); // an en dash from a phone keyboard
  });

  it('reads I and L as 1, and O as 0, in every position', () => {
    const withOnesAndZeros = generateReceiptCode(fixedBytes(0x08, 0x42, 0x10)).code;
    expect(withOnesAndZeros).toMatch(/1/);
    expect(withOnesAndZeros).toMatch(/0/);
    for (const [lookalike, digit] of [
      ['I', '1'],
      ['i', '1'],
      ['L', '1'],
      ['l', '1'],
      ['O', '0'],
      ['o', '0'],
    ]) {
      expect(normaliseReceiptCode(withOnesAndZeros.replaceAll(digit, lookalike))).toBe(withOnesAndZeros);
    }
  });

  it('catches a single mistyped symbol in every position, with every other symbol', () => {
    let caught = 0;
    for (let position = 0; position < RECEIPT_CODE_LENGTH; position++) {
      for (const symbol of CROCKFORD_ALPHABET) {
        if (symbol === code[position]) continue;
        const typo = code.slice(0, position) + symbol + code.slice(position + 1);
        expect(problemOf(typo)).toBe('check-failed');
        caught++;
      }
    }
    expect(caught).toBe(14 * 31);
  });

  it('catches two neighbouring symbols swapped', () => {
    for (let seed = 0; seed < 20; seed++) {
      const sample = generateReceiptCode(sequence(seed)).code;
      for (let i = 0; i < RECEIPT_CODE_LENGTH - 1; i++) {
        if (sample[i] === sample[i + 1]) continue;
        const swapped = sample.slice(0, i) + sample[i + 1] + sample[i] + sample.slice(i + 2);
        expect(problemOf(swapped)).toBe('check-failed');
      }
    }
  });

  it('says why a code was refused, without repeating it', () => {
    expect(problemOf('')).toBe('empty');
    expect(problemOf(' - ')).toBe('empty');
    expect(problemOf(code.slice(0, 13))).toBe('wrong-length');
    expect(problemOf(`${code}00`)).toBe('wrong-length');
    expect(problemOf(`${code}0`)).toBe('wrong-length');
    expect(problemOf(`${code.slice(0, 16)}U`)).toBe('invalid-character');
    expect(problemOf(`${code.slice(0, 16)}*`)).toBe('invalid-character');
    const error = (() => {
      try {
        normaliseReceiptCode(`${code.slice(0, 16)}*`);
      } catch (caught) {
        return caught as InvalidReceiptCode;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInput);
    expect(JSON.stringify({ message: error?.message, details: error?.details })).not.toContain(code.slice(0, 16));
  });
});

describe('receipt code: the stored hash', () => {
  const { code, display } = generateReceiptCode(sequence(3));
  const other = generateReceiptCode(sequence(4)).code;

  it('is hex HMAC-SHA256, the same for the same code and pepper, however the code was typed', () => {
    const hash = hashReceiptCode(code, pepper);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashReceiptCode(code, pepper)).toBe(hash);
    expect(hashReceiptCode(display.toLowerCase(), pepper)).toBe(hash);
    expect(hashReceiptCode(code, Buffer.from(pepper))).toBe(hash);
  });

  it('differs across peppers and across codes', () => {
    expect(hashReceiptCode(code, otherPepper)).not.toBe(hashReceiptCode(code, pepper));
    expect(hashReceiptCode(other, pepper)).not.toBe(hashReceiptCode(code, pepper));
  });

  it('is not the code itself', () => {
    expect(hashReceiptCode(code, pepper).toUpperCase()).not.toContain(code);
  });

  it('refuses a short pepper and a code with a typo', () => {
    expect(() => hashReceiptCode(code, 'short')).toThrow(RangeError);
    const typo = (code.slice(0, 3) + (code[3] === '0' ? '1' : '0') + code.slice(4)) as ReceiptCode;
    expect(() => hashReceiptCode(typo, pepper)).toThrow(InvalidReceiptCode);
  });
});
