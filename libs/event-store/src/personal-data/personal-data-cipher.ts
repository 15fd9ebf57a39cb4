import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mapAtPath, replaceNodes } from './data-paths.js';
import { KEY_BYTES } from './master-key.js';
import type { PersonalDataClaim, PersonalDataPolicy } from './personal-data-policy.js';
import type { UnreadableReason } from '../port/envelope.js';
import { PersonalDataCorrupted } from './personal-data.errors.js';
import { ERASED, isSealed, UNREADABLE, type SealedValue } from './sealed-value.js';
import type { SubjectKeyStore } from './subject-key-store.port.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals the personal fields of event data under their subject's key, and opens sealed values
 * wherever they sit in a data tree. Opening never fails for an erased subject (it yields ERASED),
 * but fails loudly for a value that does not authenticate.
 */
export class PersonalDataCipher {
  constructor(
    private readonly policy: PersonalDataPolicy,
    private readonly keys: Pick<SubjectKeyStore, 'getOrCreate'>,
  ) {}

  /** What the policy says about this event, checked; undefined when it carries no personal data. */
  claim(eventType: string, data: unknown): PersonalDataClaim | undefined {
    const rule = Object.hasOwn(this.policy, eventType) ? this.policy[eventType] : undefined;
    const claim = rule?.(data);
    if (claim === undefined) return undefined;
    if (typeof claim.subject !== 'string' || claim.subject === '') {
      throw new Error(`personal-data policy for ${eventType} gave no subject`);
    }
    return claim;
  }

  /** Data with the policy's personal fields sealed; the subject's key is created on first use. */
  async seal(eventType: string, data: unknown): Promise<unknown> {
    const claim = this.claim(eventType, data);
    if (claim === undefined || claim.paths.length === 0) return data;
    return sealClaim(data, claim, await this.keys.getOrCreate(claim.subject));
  }

  /** Opens every sealed value in `data` with `keys`; a subject without a key reads as ERASED. */
  open(data: unknown, keys: ReadonlyMap<string, Buffer>): unknown {
    return openSealed(data, keys);
  }
}

/** Seals the claim's paths of `data` with the subject's key (already sealed values are kept). */
export function sealClaim(data: unknown, claim: PersonalDataClaim, key: Buffer): unknown {
  let sealed = data;
  for (const path of claim.paths) {
    sealed = mapAtPath(sealed, path, (value) => (isSealed(value) ? value : sealValue(value, claim.subject, key)));
  }
  return sealed;
}

export function openSealed(data: unknown, keys: ReadonlyMap<string, Buffer>): unknown {
  return replaceNodes(data, (node) => {
    if (!isSealed(node)) return undefined;
    const key = keys.get(node.$pd.s);
    return key === undefined ? ERASED : openValue(node, key);
  });
}

/**
 * Opens what can be opened and never throws for one value: a subject in `unreadableSubjects` (its key does
 * not unwrap) or a value that does not authenticate reads as UNREADABLE, and `noteUnreadable` is told why.
 * A subject without a key still reads as ERASED. For reading the log, where one bad value must not stop
 * everything after it.
 */
export function openSealedLeniently(
  data: unknown,
  keys: ReadonlyMap<string, Buffer>,
  unreadableSubjects: ReadonlySet<string>,
  noteUnreadable: (reason: UnreadableReason) => void,
): unknown {
  return replaceNodes(data, (node) => {
    if (!isSealed(node)) return undefined;
    const subject = node.$pd.s;
    const key = keys.get(subject);
    if (key === undefined) {
      if (!unreadableSubjects.has(subject)) return ERASED;
      noteUnreadable('key');
      return UNREADABLE;
    }
    try {
      return openValue(node, key);
    } catch (error) {
      if (!(error instanceof PersonalDataCorrupted)) throw error;
      noteUnreadable('value');
      return UNREADABLE;
    }
  });
}

/** Subjects whose keys are needed to open `data` (added to `into`). */
export function sealedSubjects(data: unknown, into: Set<string> = new Set()): Set<string> {
  replaceNodes(data, (node) => {
    if (!isSealed(node)) return undefined;
    into.add(node.$pd.s);
    return node; // stop descending: a sealed value holds no further sealed values
  });
  return into;
}

export function sealValue(value: unknown, subject: string, key: Buffer): SealedValue {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(valueAad(subject));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    $pd: {
      s: subject,
      v: 1,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ct: ciphertext.toString('base64'),
    },
  };
}

export function openValue(sealed: SealedValue, key: Buffer): unknown {
  checkKey(key);
  const { s, v, iv, tag, ct } = sealed.$pd;
  if (v !== 1 || typeof iv !== 'string' || typeof tag !== 'string' || typeof ct !== 'string') {
    throw new PersonalDataCorrupted('a sealed personal value is malformed');
  }
  const ivBytes = Buffer.from(iv, 'base64');
  const tagBytes = Buffer.from(tag, 'base64');
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
    throw new PersonalDataCorrupted('a sealed personal value is malformed');
  }
  let text: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(valueAad(s));
    decipher.setAuthTag(tagBytes);
    text = Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new PersonalDataCorrupted(
      'a sealed personal value failed authentication: the stored data was altered (this is not an erasure)',
    );
  }
  return JSON.parse(text) as unknown;
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`a subject key must be ${KEY_BYTES} bytes`);
}

// The subject is bound in: a sealed value copied under another subject does not open.
function valueAad(subject: string): Buffer {
  return Buffer.from(`cpb/pd/v1\u0000${subject}`, 'utf8');
}
