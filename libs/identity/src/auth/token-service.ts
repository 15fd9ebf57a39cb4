import { errors, jwtVerify, SignJWT } from 'jose';
import { isStaffRole, type StaffRole } from '../domain/roles.js';

/** How the person proved who they are (RFC 8176 names): a password, a TOTP code, their council's sign-in. */
export type SignInMethod = 'pwd' | 'otp' | 'oidc';

export interface TokenClaims {
  readonly userId: string;
  readonly tenantId: string;
  readonly roles: readonly StaffRole[];
  /** Absent on tokens issued before issue 7: treated as a password alone. */
  readonly methods?: readonly SignInMethod[];
  /** A token good only for setting up a second factor (after a password, before any code exists). */
  readonly purpose?: 'second-factor-enrolment';
}

const METHODS: readonly string[] = ['pwd', 'otp', 'oidc'];
/** An enrolment token lives at most this long, whatever the session length. */
const ENROLMENT_TTL_SECONDS = 600;

export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';
}

const ISSUER = 'cpb';
const AUDIENCE = 'cpb-api';

/**
 * Short-lived session tokens: HS256 only (an algorithm allow-list; "none" and others are refused),
 * issuer, audience and expiry checked on every request.
 */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const ttl = claims.purpose ? Math.min(this.ttlSeconds, ENROLMENT_TTL_SECONDS) : this.ttlSeconds;
    const expiresAt = new Date((issuedAt + ttl) * 1000);
    const token = await new SignJWT({
      tid: claims.tenantId,
      roles: [...claims.roles],
      amr: [...(claims.methods ?? ['pwd'])],
      ...(claims.purpose ? { purpose: claims.purpose } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttl)
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string): Promise<TokenClaims & { readonly expiresAt: Date }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: this.now(),
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter(isStaffRole) : [];
      if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string')
        throw new InvalidToken('token claims missing');
      const methods = (Array.isArray(payload.amr) ? payload.amr : ['pwd']).filter((method): method is SignInMethod =>
        METHODS.includes(method as string),
      );
      if (payload.purpose !== undefined && payload.purpose !== 'second-factor-enrolment')
        throw new InvalidToken('token purpose unknown');
      return {
        userId: payload.sub,
        tenantId: payload.tid,
        roles,
        methods,
        expiresAt: new Date(payload.exp! * 1000),
        ...(payload.purpose ? { purpose: payload.purpose } : {}),
      };
    } catch (error) {
      if (error instanceof InvalidToken) throw error;
      if (error instanceof errors.JWTExpired) throw new InvalidToken('token expired');
      throw new InvalidToken('token not valid');
    }
  }
}
