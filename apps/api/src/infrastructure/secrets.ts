import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '#platform';

export interface Secrets {
  readonly masterKey: Buffer;
  readonly tokenSecret: string;
  /** Keys the hashes of receipt codes and Idempotency-Keys (CPB_RECEIPT_PEPPER). */
  readonly receiptPepper: string;
  /** True when generated for local use (never in production: config refuses it). */
  readonly generated: boolean;
}

/**
 * Secrets come from the environment. Outside production, missing ones are generated once and kept
 * in DATA_DIR/secrets.json (mode 0600) so data stays readable across restarts of a local install.
 */
export function loadSecrets(config: AppConfig): Secrets {
  if (config.CPB_MASTER_KEY && config.CPB_TOKEN_SECRET && config.CPB_RECEIPT_PEPPER) {
    return {
      masterKey: Buffer.from(config.CPB_MASTER_KEY, 'base64'),
      tokenSecret: config.CPB_TOKEN_SECRET,
      receiptPepper: config.CPB_RECEIPT_PEPPER,
      generated: false,
    };
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  const file = join(config.DATA_DIR, 'secrets.json');
  let stored: { masterKey: string; tokenSecret: string; receiptPepper?: string };
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8')) as typeof stored;
  } else {
    stored = { masterKey: randomBytes(32).toString('base64'), tokenSecret: randomBytes(48).toString('base64url') };
  }
  if (!stored.receiptPepper) {
    // Installs from before the pepper was generated here get one now. Their codes were hashed under the
    // old public default, so those codes stop working: safer than keeping a pepper anyone can read.
    stored = { ...stored, receiptPepper: randomBytes(32).toString('base64url') };
    writeFileSync(file, JSON.stringify(stored), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return {
    masterKey: Buffer.from(config.CPB_MASTER_KEY ?? stored.masterKey, 'base64'),
    tokenSecret: config.CPB_TOKEN_SECRET ?? stored.tokenSecret,
    receiptPepper: config.CPB_RECEIPT_PEPPER ?? stored.receiptPepper!,
    generated: true,
  };
}

/**
 * After a master key rotation on a local install: the key generated into DATA_DIR/secrets.json is replaced.
 * Answers the file written, or undefined when the key comes from CPB_MASTER_KEY (the operator changes it).
 */
export function replaceGeneratedMasterKey(config: AppConfig, masterKey: Buffer): string | undefined {
  const file = join(config.DATA_DIR, 'secrets.json');
  if (config.CPB_MASTER_KEY || !existsSync(file)) return undefined;
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  writeFileSync(file, JSON.stringify({ ...stored, masterKey: masterKey.toString('base64') }), { mode: 0o600 });
  return file;
}
