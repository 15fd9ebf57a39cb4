/** A council's own OpenID Connect provider for one board. */
export interface OidcConnection {
  /** The board's short name. */
  readonly tenant: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly label?: string;
  /** The claim that carries the person's groups or roles; absent: roles are assigned in the product. */
  readonly roleClaim?: string;
  /** Claim value -> the product's roles. */
  readonly roleMap?: Readonly<Record<string, string | readonly string[]>>;
}

/** How sign-in behaves; the app builds it from its configuration (docs/adr/0011). */
export interface IdentitySettings {
  /** "required": local staff accounts sign in with a password and a TOTP code. */
  readonly secondFactor: 'required' | 'off';
  readonly lockout: {
    /** Failed attempts in a row before an account is locked. */
    readonly after: number;
    /** The first lock; each further failure doubles it, up to maxSeconds. */
    readonly seconds: number;
    readonly maxSeconds: number;
  };
  readonly oidc: readonly OidcConnection[];
  /** The address people reach the product at (for OpenID Connect redirects); else the request's own. */
  readonly publicUrl?: string;
  /** Plain-http providers (tests and local trials only; configuration refuses them in production). */
  readonly allowHttpProviders: boolean;
  /** A 32-byte key for sealing second-factor secrets at rest. */
  readonly sealingKey: Buffer;
  /** A secret for signing the short-lived OpenID Connect state cookie. */
  readonly stateSecret: string;
}

export const IDENTITY_SETTINGS = 'cpb:IdentitySettings';
