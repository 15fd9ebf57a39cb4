import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { KeyObject } from 'node:crypto';
import {
  parsePublicKey,
  verifyBundle,
  type BundleVerification,
} from '../../../../libs/audit/src/contracts/export-bundles.js';

export interface VerifyBundleOutcome {
  /** 0 intact, 1 a problem found, 2 could not check (unreadable file or key). */
  readonly code: 0 | 1 | 2;
  readonly message: string;
  readonly verification?: BundleVerification;
}

/** Verifies a bundle file offline: no database, no configuration, only the public key. */
export async function verifyBundleCommand(file: string, publicKey: string): Promise<VerifyBundleOutcome> {
  let key: KeyObject;
  try {
    key = parsePublicKey(publicKey.trim().startsWith('-----BEGIN') ? publicKey : readFileSync(publicKey, 'utf8'));
  } catch (error) {
    return { code: 2, message: `cannot use the public key: ${(error as Error).message}` };
  }
  let verification: BundleVerification;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    const input = createReadStream(file, { encoding: 'utf8' });
    verification = await verifyBundle(createInterface({ input, crlfDelay: Infinity }), key);
  } catch (error) {
    return { code: 2, message: `cannot read ${file}: ${(error as Error).message}` };
  }
  const { header, checkpoint } = verification;
  if (verification.ok) {
    const scope = header?.scope === 'tenant' ? `tenant ${header.tenantId}` : 'whole log';
    return {
      code: 0,
      verification,
      message:
        `OK: ${verification.events} events (${scope}, ${header?.chainScope} chain), every hash, link and the ` +
        `checkpoint signature verified. Exported ${checkpoint?.exportedAt}, head ${checkpoint?.headHash}, ` +
        `key ${checkpoint?.keyId}`,
    };
  }
  const p = verification.problem!;
  return {
    code: 1,
    verification,
    message: `TAMPERED or damaged: line ${p.line}: ${p.reason} (${verification.events} events verified before it)`,
  };
}
