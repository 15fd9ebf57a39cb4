import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MasterKey, MasterKeyMismatch, openPgPool, PostgresSubjectKeyStore, SqliteSubjectKeyStore } from '#event-store';
import { IDENTITY_ENTITIES, resealSecondFactorSecrets } from '#identity';
import type { AppConfig } from '#platform';
import { describeKeyStore, subjectKeyLocation } from '../../../api/src/infrastructure/key-store-location.js';
import { secondFactorSealingKey } from '../../../api/src/infrastructure/identity-settings.js';
import { openReadDatabase, readDatabaseOptions } from '../../../api/src/infrastructure/read-database.js';
import { loadSecrets, replaceGeneratedMasterKey } from '../../../api/src/infrastructure/secrets.js';

export interface RotationOutcome {
  readonly code: number;
  readonly message: string;
}

/**
 * Rotates the master key: every subject key is re-wrapped and every second-factor secret resealed under
 * the new key (each store in one transaction; run again after a failure, it finishes what is left).
 * The events themselves are untouched: they are sealed with the subject keys, not the master key. The key
 * store's key check value moves to the new key in the subject keys' transaction; a current key that is
 * not the store's (nor the new one, when run again) is refused before anything changes.
 * Every api and projector process must be stopped first: they hold the old key.
 */
export async function rotateMasterKeyCommand(
  config: AppConfig,
  newKeyBase64: string | undefined,
): Promise<RotationOutcome> {
  if (!newKeyBase64) {
    return { code: 2, message: 'Set CPB_NEW_MASTER_KEY to the new key (generate one with: openssl rand -base64 32).' };
  }
  let next: MasterKey;
  try {
    next = MasterKey.fromBase64(newKeyBase64);
  } catch (error) {
    return { code: 2, message: `CPB_NEW_MASTER_KEY: ${(error as Error).message.replace('CPB_MASTER_KEY', 'the key')}` };
  }
  const secrets = loadSecrets(config);
  const nextBytes = Buffer.from(newKeyBase64.trim(), 'base64');
  if (nextBytes.equals(secrets.masterKey)) {
    return { code: 2, message: 'CPB_NEW_MASTER_KEY is the key in use: nothing to rotate.' };
  }
  const current = MasterKey.fromBase64(secrets.masterKey.toString('base64'));

  let keys;
  try {
    keys = await rewrapSubjectKeys(config, current, next);
  } catch (error) {
    if (!(error instanceof MasterKeyMismatch)) throw error;
    return {
      code: 2,
      message: [
        'Refusing to rotate: the key store was set up with neither key. Nothing was changed.',
        `  Key store: ${describeKeyStore(config)}; its master key id is ${error.details.storeKeyId ?? 'unknown'}.`,
        `  CPB_MASTER_KEY: key id ${current.id}; CPB_NEW_MASTER_KEY: key id ${next.id}.`,
        'Set CPB_MASTER_KEY to the key the api and projector of this install use, then run this again.',
      ].join('\n'),
    };
  }
  const identity = await openReadDatabase(readDatabaseOptions(config, [...IDENTITY_ENTITIES]));
  let secondFactors;
  try {
    secondFactors = await resealSecondFactorSecrets(
      identity,
      secondFactorSealingKey(secrets.masterKey),
      secondFactorSealingKey(nextBytes),
    );
  } finally {
    await identity.destroy();
  }

  const lines = [
    `Subject keys re-wrapped: ${keys.rewrapped} (already under the new key: ${keys.alreadyRotated}).`,
    `Second-factor secrets resealed: ${secondFactors.resealed} (already under the new key: ${secondFactors.alreadyRotated}).`,
  ];
  // A local install keeps its generated key in DATA_DIR/secrets.json: move that to the new key too.
  const replaced = secrets.generated ? replaceGeneratedMasterKey(config, nextBytes) : undefined;
  lines.push(
    replaced
      ? `${replaced} now holds the new key.`
      : 'Now set CPB_MASTER_KEY to the new key everywhere (api, projector, CLI), then start them again.',
  );
  return { code: 0, message: lines.join('\n') };
}

async function rewrapSubjectKeys(
  config: AppConfig,
  current: MasterKey,
  next: MasterKey,
): Promise<{ rewrapped: number; alreadyRotated: number }> {
  const location = subjectKeyLocation(config);
  if ('postgres' in location) {
    const pool = openPgPool({ connectionString: config.DATABASE_URL, max: 1 });
    try {
      return await new PostgresSubjectKeyStore(pool, current).rewrap(next);
    } finally {
      await pool.end();
    }
  }
  const file = location.sqliteFile;
  if (!existsSync(file)) throw new Error(`no key store at ${file} (set DATA_DIR)`);
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    return await new SqliteSubjectKeyStore(db, current).rewrap(next);
  } finally {
    db.close();
  }
}
