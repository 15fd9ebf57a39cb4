import { hkdfSync } from 'node:crypto';
import type { IdentitySettings } from '#identity';
import type { AppConfig } from '#platform';
import type { Secrets } from './secrets.js';

/** Sign-in settings from configuration; its keys are derived from the master key and token secret. */
export function identitySettings(config: AppConfig, secrets: Secrets): IdentitySettings {
  return {
    secondFactor: config.SECOND_FACTOR,
    lockout: {
      after: config.SIGN_IN_LOCKOUT_AFTER,
      seconds: config.SIGN_IN_LOCKOUT_SECONDS,
      maxSeconds: config.SIGN_IN_LOCKOUT_MAX_SECONDS,
    },
    oidc: config.OIDC_PROVIDERS,
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    allowHttpProviders: config.NODE_ENV !== 'production',
    sealingKey: secondFactorSealingKey(secrets.masterKey),
    stateSecret: derive(Buffer.from(secrets.tokenSecret), 'cpb oidc pending sign-in v1', 32).toString('base64url'),
  };
}

/** The key second-factor secrets are sealed with, derived from the master key (rotating one reseals them). */
export function secondFactorSealingKey(masterKey: Buffer): Buffer {
  return derive(masterKey, 'cpb second-factor secrets v1', 32);
}

function derive(key: Buffer, purpose: string, bytes: number): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), purpose, bytes));
}
