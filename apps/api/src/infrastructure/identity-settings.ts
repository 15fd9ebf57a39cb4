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
    sealingKey: derive(secrets.masterKey, 'cpb second-factor secrets v1', 32),
    stateSecret: derive(Buffer.from(secrets.tokenSecret), 'cpb oidc pending sign-in v1', 32).toString('base64url'),
  };
}

function derive(key: Buffer, purpose: string, bytes: number): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), purpose, bytes));
}
