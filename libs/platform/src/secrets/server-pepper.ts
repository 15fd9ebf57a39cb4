import { createHmac } from 'node:crypto';

/**
 * The install's secret for keyed hashes of things clients hold: receipt codes and Idempotency-Keys. It is
 * generated per install (or set as CPB_RECEIPT_PEPPER, required in production) and never stored beside
 * what it hashes, so a database, an export or an audit trail alone lets no one derive or test a code.
 */
export class ServerPepper {
  constructor(readonly secret: string) {
    if (secret.length < 16) throw new RangeError('the server pepper must be at least 16 characters');
  }

  /** HMAC-SHA-256 over a label and parts, NUL-separated so no two lists of parts collide. */
  digest(label: string, ...parts: readonly string[]): Buffer {
    return createHmac('sha256', this.secret)
      .update([label, ...parts].join('\u0000'))
      .digest();
  }

  /** The same, as base64url text (43 characters). */
  text(label: string, ...parts: readonly string[]): string {
    return this.digest(label, ...parts).toString('base64url');
  }
}
