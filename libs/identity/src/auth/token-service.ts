import { errors, jwtVerify, SignJWT } from 'jose';
import { isStaffRole, type StaffRole } from '../domain/roles.js';

export interface TokenClaims {
  readonly userId: string;
  readonly tenantId: string;
  readonly roles: readonly StaffRole[];
}

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
    const expiresAt = new Date((issuedAt + this.ttlSeconds) * 1000);
    const token = await new SignJWT({ tid: claims.tenantId, roles: [...claims.roles] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string): Promise<TokenClaims> {
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
      return { userId: payload.sub, tenantId: payload.tid, roles };
    } catch (error) {
      if (error instanceof InvalidToken) throw error;
      if (error instanceof errors.JWTExpired) throw new InvalidToken('token expired');
      throw new InvalidToken('token not valid');
    }
  }
}
