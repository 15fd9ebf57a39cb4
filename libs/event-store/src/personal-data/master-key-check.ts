import type { MasterKey } from './master-key.js';
import { MasterKeyMismatch } from './personal-data.errors.js';

/** Stored subject keys tried (oldest first) before a store without a check value is given one. */
export const KEY_CHECK_SAMPLE = 1000;

/** The key check value as a key store keeps it, beside the subject keys. */
export interface KeyCheckRow {
  readonly key_id: string;
  readonly check_value: Buffer;
}

export interface WrappedKeyRow {
  readonly subject_id: string;
  readonly wrapped_key: Buffer;
}

/** A master key found to be the key store's own. */
export interface MasterKeyVerified {
  /** The key's non-secret id (MasterKey.id). */
  readonly keyId: string;
  /** True when this check wrote the store's check value (a store that had none). */
  readonly recorded: boolean;
  /** When recorded: the stored subject keys tried, and how many of them this key did not open. */
  readonly sampled: number;
  readonly strayKeys: number;
}

/** Throws MasterKeyMismatch unless `master` is the key the check value was made with. */
export function verifyAgainstCheck(master: MasterKey, row: KeyCheckRow): MasterKeyVerified {
  if (!master.matchesCheckValue(row.check_value)) {
    throw new MasterKeyMismatch({ processKeyId: master.id, storeKeyId: row.key_id });
  }
  return { keyId: master.id, recorded: false, sampled: 0, strayKeys: 0 };
}

/**
 * A store without a check value (new, or written before there was one): `master` may give it one only
 * if it opens the store's subject keys, at least as many of the oldest as it does not. Keys it does not
 * open were wrapped by another master key (a misconfigured process before this check existed): counted.
 */
export function judgeUncheckedStore(master: MasterKey, oldest: readonly WrappedKeyRow[]): MasterKeyVerified {
  let opened = 0;
  for (const row of oldest) {
    try {
      master.unwrap(row.subject_id, row.wrapped_key).fill(0);
      opened += 1;
    } catch {
      // another key's, or altered: counted below
    }
  }
  const failed = oldest.length - opened;
  if (oldest.length > 0 && (opened === 0 || opened < failed)) {
    throw new MasterKeyMismatch({ processKeyId: master.id, sampled: oldest.length, opened });
  }
  return { keyId: master.id, recorded: true, sampled: oldest.length, strayKeys: failed };
}

/**
 * Master key rotation may run when the check value is the current key's, or already the next key's (a
 * rotation run again after it committed); any other key is refused before anything is re-wrapped.
 */
export function checkBeforeRotation(current: MasterKey, next: MasterKey, row: KeyCheckRow | undefined): void {
  if (row === undefined || current.matchesCheckValue(row.check_value) || next.matchesCheckValue(row.check_value)) {
    return;
  }
  throw new MasterKeyMismatch({ processKeyId: current.id, storeKeyId: row.key_id });
}
