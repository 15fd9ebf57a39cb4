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
  /**
   * When the person signed in (seconds since the epoch; the OIDC `auth_time` claim). A renewed token keeps
   * it, so a session slides forward with use but never past `maxSessionSeconds` after signing in.
   */
  readonly signedInAt?: number;
}

/**
 * When a session's token ends and when renewing it stops: as instants, and as seconds from now by the
 * server's clock, which a browser counts down on its own clock (the two clocks may differ).
 */
export interface SessionTimes {
  readonly expiresAt: Date;
  readonly sessionEndsAt: Date;
  readonly expiresInSeconds: number;
  readonly sessionSecondsLeft: number;
}

export interface IssuedToken extends SessionTimes {
  readonly token: string;
}

/** A session past its maximum length: the person signs in again. */
export class SessionAtMaximum extends Error {
  override readonly name = 'SessionAtMaximum';
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
    /** The longest a session may slide to, from signing in (a meeting's evening, not a week). */
    private readonly maxSessionSeconds: number = 12 * 3600,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims): Promise<IssuedToken> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const signedInAt = claims.signedInAt ?? issuedAt;
    const sessionEnds = signedInAt + this.maxSessionSeconds;
    const ttl = claims.purpose ? Math.min(this.ttlSeconds, ENROLMENT_TTL_SECONDS) : this.ttlSeconds;
    const expires = Math.min(issuedAt + ttl, sessionEnds);
    const expiresAt = new Date(expires * 1000);
    const token = await new SignJWT({
      tid: claims.tenantId,
      roles: [...claims.roles],
      amr: [...(claims.methods ?? ['pwd'])],
      auth_time: signedInAt,
      ...(claims.purpose ? { purpose: claims.purpose } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expires)
      .sign(this.key);
    return {
      token,
      expiresAt,
      sessionEndsAt: new Date(sessionEnds * 1000),
      expiresInSeconds: expires - issuedAt,
      sessionSecondsLeft: sessionEnds - issuedAt,
    };
  }

  /**
   * A fresh token for a session still in use (sliding), with the same claims and sign-in time; refused
   * once the session reached its maximum, and for an enrolment token, which is never extended.
   */
  async renew(token: string): Promise<IssuedToken> {
    const { exp: _exp, ...claims } = await this.claimsOf(token);
    if (claims.purpose) throw new InvalidToken('an enrolment token is not renewed');
    const now = Math.floor(this.now().getTime() / 1000);
    if (now >= claims.signedInAt + this.maxSessionSeconds - 1) throw new SessionAtMaximum();
    return this.issue(claims);
  }

  async verify(token: string): Promise<TokenClaims & SessionTimes> {
    const { exp, ...claims } = await this.claimsOf(token);
    const now = Math.floor(this.now().getTime() / 1000);
    const sessionEnds = claims.signedInAt + this.maxSessionSeconds;
    return {
      ...claims,
      expiresAt: new Date(exp * 1000),
      sessionEndsAt: new Date(sessionEnds * 1000),
      expiresInSeconds: exp - now,
      sessionSecondsLeft: sessionEnds - now,
    };
  }

  /** The token's claims once its signature, issuer, audience and expiry are checked; refused otherwise. */
  private async claimsOf(token: string): Promise<TokenClaims & { readonly signedInAt: number; readonly exp: number }> {
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
        // Tokens from before sessions slid have no auth_time: their session began when they were issued.
        signedInAt: typeof payload.auth_time === 'number' ? payload.auth_time : payload.iat!,
        exp: payload.exp!,
        ...(payload.purpose ? { purpose: payload.purpose } : {}),
      };
    } catch (error) {
      if (error instanceof InvalidToken) throw error;
      if (error instanceof errors.JWTExpired) throw new InvalidToken('token expired');
      throw new InvalidToken('token not valid');
    }
  }
}
