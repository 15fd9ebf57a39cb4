import { join } from 'node:path';
import { MasterKey, MasterKeyMismatch, type MasterKeyVerified } from '#event-store';
import type { AppConfig } from '#platform';
import { describeKeyStore, openSubjectKeyStore } from './key-store-location.js';
import { loadSecrets } from './secrets.js';

/**
 * A process whose master key is not the key store's: it must not start. The message says which setting,
 * which store and what to do; it names keys by their ids only (never the keys) and holds no personal data.
 */
export class MasterKeyRefused extends Error {
  override readonly name = 'MasterKeyRefused';
}

/** Where this process's master key comes from, in the operator's words. */
export function masterKeySource(config: AppConfig): string {
  return config.CPB_MASTER_KEY
    ? 'CPB_MASTER_KEY'
    : `${join(config.DATA_DIR, 'secrets.json')} (generated there because CPB_MASTER_KEY is not set)`;
}

/** The operator's message for a master key the key store refused. */
export function refusal(config: AppConfig, mismatch: MasterKeyMismatch): MasterKeyRefused {
  const { processKeyId, storeKeyId, sampled, opened } = mismatch.details;
  const store =
    storeKeyId !== undefined
      ? `its subject keys are wrapped by the master key with id ${storeKeyId}`
      : `it has no key check value yet, and this key opened ${opened ?? 0} of the ${sampled ?? 0} subject keys tried`;
  return new MasterKeyRefused(
    [
      'Refusing to start: the master key does not match the key store. Nothing was written.',
      `  Key store: ${describeKeyStore(config)}; ${store}.`,
      `  This process: master key id ${processKeyId}, from ${masterKeySource(config)}.`,
      "A process with another master key would seal young people's views that no other process can open.",
      'Set CPB_MASTER_KEY to the key every other api, projector and CLI of this install uses (a local install',
      'keeps its generated key in DATA_DIR/secrets.json: use the same DATA_DIR). After cpb rotate-master-key,',
      'that is the new key. See docs/operations.md, "A master key that does not match".',
    ].join('\n'),
  );
}

/**
 * Checks this process's master key against the key store's key check value (recording one on a store
 * that has none), before anything else opens the store. Throws MasterKeyRefused on a mismatch.
 */
export async function checkMasterKey(
  config: AppConfig,
  masterKey = loadSecrets(config).masterKey,
): Promise<MasterKeyVerified> {
  const opened = openSubjectKeyStore(config, MasterKey.fromBase64(masterKey.toString('base64')));
  try {
    return await verifyOrRefuse(config, opened.keys);
  } finally {
    await opened.close();
  }
}

export async function verifyOrRefuse(
  config: AppConfig,
  keys: { verifyMasterKey(): Promise<MasterKeyVerified> },
): Promise<MasterKeyVerified> {
  try {
    return await keys.verifyMasterKey();
  } catch (error) {
    if (error instanceof MasterKeyMismatch) throw refusal(config, error);
    throw error;
  }
}

/** A warning for the log when the check value was just recorded over keys this master key does not open. */
export function strayKeysWarning(verified: MasterKeyVerified): string | undefined {
  if (verified.strayKeys === 0) return undefined;
  return (
    `${verified.strayKeys} of the ${verified.sampled} oldest subject keys do not open under this master key ` +
    `(id ${verified.keyId}): a process with another key wrapped them. The views they seal read as unreadable ` +
    '(counted as "unreadable" in /api/health and cpb projections) until they are re-wrapped; see docs/operations.md.'
  );
}

/**
 * For a process's main, before the application starts: on a master key the store refuses, prints why and
 * exits with code 2 (as a configuration error does).
 */
export async function exitUnlessMasterKeyMatches(config: AppConfig): Promise<void> {
  try {
    const verified = await checkMasterKey(config);
    const warning = strayKeysWarning(verified);
    if (warning) console.warn(warning);
  } catch (error) {
    if (!(error instanceof MasterKeyRefused)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
