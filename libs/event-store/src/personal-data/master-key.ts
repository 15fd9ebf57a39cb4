import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { MasterKeyInvalid, SubjectKeyUnwrapFailed } from './personal-data.errors.js';

/** The configuration variable that holds the master key (base64 of 32 random bytes). */
export const MASTER_KEY_VARIABLE = 'CPB_MASTER_KEY';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Wrapped layout: format byte | iv | tag | ciphertext. The format byte leaves room for key rotation.
const FORMAT_V1 = 0x01;
const WRAPPED_BYTES = 1 + IV_BYTES + TAG_BYTES + KEY_BYTES;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
// Labels of the key check value and the key id (HMAC-SHA256 under the master key): neither reveals the key.
const CHECK_LABEL = 'cpb/master-key-check/v1';
const ID_LABEL = 'cpb/master-key-id/v1';

/**
 * The key-encryption key from configuration. Subject keys are stored only wrapped by it
 * (AES-256-GCM, the subject id as associated data, so a wrapped key cannot be moved to another subject).
 */
export class MasterKey {
  readonly #key: Buffer;

  private constructor(key: Buffer) {
    this.#key = key;
  }

  static fromBase64(text: string | undefined): MasterKey {
    const hint = `generate one with: openssl rand -base64 ${KEY_BYTES}`;
    const trimmed = text?.trim() ?? '';
    if (trimmed === '') throw new MasterKeyInvalid(`${MASTER_KEY_VARIABLE} is not set; ${hint}`);
    if (!BASE64.test(trimmed) || trimmed.length % 4 !== 0) {
      throw new MasterKeyInvalid(`${MASTER_KEY_VARIABLE} is not valid base64; ${hint}`);
    }
    const key = Buffer.from(trimmed, 'base64');
    if (key.length !== KEY_BYTES) {
      throw new MasterKeyInvalid(
        `${MASTER_KEY_VARIABLE} must decode to ${KEY_BYTES} bytes (AES-256), got ${key.length}; ${hint}`,
      );
    }
    return new MasterKey(key);
  }

  /** A fresh random master key (tests, first-run setup). */
  static generate(): MasterKey {
    return new MasterKey(randomBytes(KEY_BYTES));
  }

  wrap(subject: string, key: Buffer): Buffer {
    if (key.length !== KEY_BYTES) throw new Error(`a subject key must be ${KEY_BYTES} bytes`);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(wrapAad(subject));
    const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
    return Buffer.concat([Buffer.of(FORMAT_V1), iv, cipher.getAuthTag(), ciphertext]);
  }

  unwrap(subject: string, wrapped: Buffer): Buffer {
    if (wrapped.length !== WRAPPED_BYTES || wrapped[0] !== FORMAT_V1) {
      throw new SubjectKeyUnwrapFailed('a stored subject key has an unknown format (corrupt key table?)');
    }
    const iv = wrapped.subarray(1, 1 + IV_BYTES);
    const tag = wrapped.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const ciphertext = wrapped.subarray(1 + IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(wrapAad(subject));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch {
      throw new SubjectKeyUnwrapFailed(
        `cannot unwrap a subject key: ${MASTER_KEY_VARIABLE} is not the master key it was wrapped with, ` +
          'or the stored key was altered',
      );
    }
  }

  /**
   * The key check value kept with the subject keys: it says which master key wraps them, so a process
   * started with another key can be refused before it writes a key nobody else can open.
   */
  checkValue(): Buffer {
    return createHmac('sha256', this.#key).update(CHECK_LABEL).digest();
  }

  matchesCheckValue(value: Buffer): boolean {
    const mine = this.checkValue();
    return value.length === mine.length && timingSafeEqual(value, mine);
  }

  /** A short, non-secret name of this key (16 hex digits) for messages: tells two keys apart, reveals neither. */
  get id(): string {
    return createHmac('sha256', this.#key).update(ID_LABEL).digest('hex').slice(0, 16);
  }

  // Keep key material out of logs and error dumps.
  toJSON(): string {
    return 'MasterKey(redacted)';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'MasterKey(redacted)';
  }
}

function wrapAad(subject: string): Buffer {
  return Buffer.from(`cpb/subject-key/v1\u0000${subject}`, 'utf8');
}

/**
 * A subject key wrapped by `current`, re-wrapped by `next`; undefined when `next` already wraps it.
 * Throws when neither key opens it (a wrong master key given).
 */
export function rewrapped(current: MasterKey, next: MasterKey, subject: string, wrapped: Buffer): Buffer | undefined {
  try {
    return next.wrap(subject, current.unwrap(subject, wrapped));
  } catch (error) {
    try {
      next.unwrap(subject, wrapped);
      return undefined;
    } catch {
      throw error;
    }
  }
}
