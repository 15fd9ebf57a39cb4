import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Ed25519 key that signs export bundles' checkpoints. */
export interface AuditSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicKeyPem: string;
  readonly keyId: string;
  /** Where it came from: the environment, a file named by it, or the development key in DATA_DIR. */
  readonly source: 'env' | 'file' | 'data-dir';
}

/** The development key's file name inside DATA_DIR. */
export const DEV_SIGNING_KEY_FILE = 'audit-signing-key.pem';

export interface SigningKeySettings {
  /** `CPB_AUDIT_SIGNING_KEY`: a PKCS#8 PEM private key. */
  readonly pem?: string;
  /** `CPB_AUDIT_SIGNING_KEY_FILE`: a path to one. */
  readonly file?: string;
  readonly dataDir: string;
  /** In production a key must be configured: a generated one would change with every fresh disk. */
  readonly production: boolean;
}

export function signingKeySettingsFromEnv(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  nodeEnv: string | undefined,
): SigningKeySettings {
  return {
    pem: env.CPB_AUDIT_SIGNING_KEY || undefined,
    file: env.CPB_AUDIT_SIGNING_KEY_FILE || undefined,
    dataDir,
    production: nodeEnv === 'production',
  };
}

export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function parsePublicKey(text: string): KeyObject {
  // Accept the PEM itself or the JSON that GET /api/audit/public-key answers.
  const trimmed = text.trim();
  const pem = trimmed.startsWith('{') ? (JSON.parse(trimmed) as { publicKeyPem?: string }).publicKeyPem : trimmed;
  if (!pem) throw new Error('no publicKeyPem in the JSON given');
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the public key is not an Ed25519 key');
  return key;
}

/** Loads the configured key, or (outside production) the development key, generating it on first use. */
export function loadSigningKey(settings: SigningKeySettings): AuditSigningKey {
  let pem: string;
  let source: AuditSigningKey['source'];
  if (settings.pem) {
    pem = settings.pem.replace(/\\n/g, '\n');
    source = 'env';
  } else if (settings.file) {
    pem = readFileSync(settings.file, 'utf8');
    source = 'file';
  } else if (settings.production) {
    throw new Error('CPB_AUDIT_SIGNING_KEY or CPB_AUDIT_SIGNING_KEY_FILE is required in production');
  } else {
    pem = devKeyPem(settings.dataDir);
    source = 'data-dir';
  }
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key is not an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
    source,
  };
}

function devKeyPem(dataDir: string): string {
  const path = join(dataDir, DEV_SIGNING_KEY_FILE);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    // 'wx': if another process made it first, keep theirs.
    writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8');
    throw error;
  }
}
