import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import * as oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { TokenService } from '../token-service.js';
import { isStaffRole, type StaffRole } from '../../domain/roles.js';
import { IDENTITY_SETTINGS, type IdentitySettings, type OidcConnection } from '../identity-settings.js';
import { StaffUserEntity } from '../staff-user.entity.js';
import { IdentityService } from '../../contracts/identity.service.js';

/** Why a council sign-in did not end in a session; the code is shown on the sign-in page. */
export class OidcSignInFailed extends Error {
  override readonly name = 'OidcSignInFailed';
  constructor(
    readonly code: 'expired' | 'refused' | 'no-role' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

/** What the browser keeps between leaving for the council's sign-in and coming back (a signed cookie). */
interface PendingSignIn {
  readonly tenant: string;
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
}

const PENDING_TTL_SECONDS = 600;
const DEFAULT_SCOPE = 'openid email profile';

/**
 * Sign-in through a council's own identity provider (OpenID Connect, authorization code with PKCE,
 * state and nonce; openid-client does the protocol). The person is found by the provider's subject,
 * or on first use by a verified email; roles come from a claim when the board maps one, else from
 * the product. The session issued is the product's own short-lived token.
 */
@Injectable()
export class OidcSignInService {
  private readonly configurations = new Map<string, Promise<oidc.Configuration>>();
  private readonly stateKey: Uint8Array;

  constructor(
    private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly identity: IdentityService,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {
    this.stateKey = new TextEncoder().encode(settings.stateSecret);
  }

  /** The board's council sign-in, if it has one. */
  connection(tenant: string): OidcConnection | undefined {
    return this.settings.oidc.find((connection) => connection.tenant === tenant);
  }

  /** Where to send the browser, and the signed cookie value that must come back with it. */
  async start(connection: OidcConnection, redirectUri: string): Promise<{ url: string; pending: string }> {
    const configuration = await this.configuration(connection);
    const verifier = oidc.randomPKCECodeVerifier();
    const pending: PendingSignIn = {
      tenant: connection.tenant,
      verifier,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: DEFAULT_SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    const cookie = await new SignJWT({ ...pending })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('cpb-oidc-pending')
      .setIssuedAt()
      .setExpirationTime(`${PENDING_TTL_SECONDS}s`)
      .sign(this.stateKey);
    return { url: url.href, pending: cookie };
  }

  /** Completes the sign-in from the provider's answer (`callbackUrl`, with its code and state): a session token. */
  async finish(connection: OidcConnection, callbackUrl: URL, pendingCookie: string | undefined): Promise<string> {
    const pending = await this.pending(pendingCookie, connection.tenant);
    const configuration = await this.configuration(connection);
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      // Many providers put email and groups only in userinfo (the code flow's ID token may hold `sub` alone).
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      claims = { ...userInfo, ...idClaims };
    } catch (error) {
      if (error instanceof OidcSignInFailed) throw error;
      throw new OidcSignInFailed('refused', 'the provider’s answer was refused');
    }
    const user = await this.personFor(connection, claims);
    const { token } = await this.tokens.issue({
      userId: user.id,
      tenantId: user.tenantId,
      roles: user.roles,
      methods: ['oidc'],
    });
    return token;
  }

  private async pending(cookie: string | undefined, tenant: string): Promise<PendingSignIn> {
    if (!cookie) throw new OidcSignInFailed('expired', 'no sign-in was started in this browser');
    try {
      const { payload } = await jwtVerify(cookie, this.stateKey, {
        algorithms: ['HS256'],
        audience: 'cpb-oidc-pending',
        requiredClaims: ['exp'],
      });
      const pending = payload as unknown as PendingSignIn;
      if (pending.tenant !== tenant) throw new Error('another board');
      return pending;
    } catch {
      throw new OidcSignInFailed('expired', 'the sign-in took too long or was started elsewhere');
    }
  }

  /** The provider's settings (discovered once; retried after a failure). */
  private configuration(connection: OidcConnection): Promise<oidc.Configuration> {
    let found = this.configurations.get(connection.tenant);
    if (!found) {
      found = oidc
        .discovery(
          new URL(connection.issuer),
          connection.clientId,
          undefined,
          oidc.ClientSecretBasic(connection.clientSecret),
          this.settings.allowHttpProviders ? { execute: [oidc.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.configurations.delete(connection.tenant);
          throw new OidcSignInFailed('unavailable', `the provider could not be reached (${(error as Error).name})`);
        });
      this.configurations.set(connection.tenant, found);
    }
    return found;
  }

  private async personFor(connection: OidcConnection, claims: Record<string, unknown>): Promise<StaffUserEntity> {
    const tenant = await this.identity.tenantBySlug(connection.tenant);
    if (!tenant) throw new OidcSignInFailed('no-role', 'the board does not exist');
    const subject = `${connection.issuer}|${String(claims.sub)}`;
    const email =
      typeof claims.email === 'string' && claims.email_verified !== false ? claims.email.toLowerCase() : undefined;
    const repo = this.db.getRepository(StaffUserEntity);
    const user =
      (await repo.findOne({ where: { tenantId: tenant.id, oidcSubject: subject } })) ??
      (email ? await repo.findOne({ where: { tenantId: tenant.id, email } }) : null);
    const claimed = connection.roleClaim
      ? rolesFromClaim(claims[connection.roleClaim], connection.roleMap ?? {})
      : undefined;
    if (user) {
      if (user.disabled) throw new OidcSignInFailed('refused', 'the account is disabled');
      if (user.oidcSubject && user.oidcSubject !== subject) {
        throw new OidcSignInFailed('refused', 'the account is linked to another council sign-in');
      }
      const roles = claimed ?? user.roles;
      if (roles.length === 0) throw new OidcSignInFailed('no-role', 'no role on this board');
      await repo.update({ id: user.id }, { oidcSubject: subject, roles });
      return { ...user, oidcSubject: subject, roles };
    }
    if (!email || !claimed?.length) throw new OidcSignInFailed('no-role', 'no account or role on this board');
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
    return repo.save(
      repo.create({
        id: randomUUID(),
        tenantId: tenant.id,
        email,
        displayName: name,
        passwordHash: '',
        roles: claimed,
        disabled: false,
        totpSecret: null,
        totpPending: null,
        totpLastStep: null,
        oidcSubject: subject,
      }),
    );
  }
}

/** The product's roles for a claim's values (a string or a list), through the board's map. */
export function rolesFromClaim(value: unknown, map: Readonly<Record<string, string | readonly string[]>>): StaffRole[] {
  const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const roles = new Set<StaffRole>();
  for (const item of values) {
    if (typeof item !== 'string' || !Object.hasOwn(map, item)) continue;
    const mapped = map[item]!;
    for (const role of typeof mapped === 'string' ? [mapped] : mapped) if (isStaffRole(role)) roles.add(role);
  }
  return [...roles];
}
