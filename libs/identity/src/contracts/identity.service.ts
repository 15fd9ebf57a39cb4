import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RuleBroken } from '#platform';
import { dummyHash, hashPassword, verifyPassword } from '../commands/password-hasher.js';
import { TokenService, type IssuedToken, type SignInMethod } from '../commands/token-service.js';
import { isStaffRole, type StaffRole } from '../domain/roles.js';
import { SignInLockout } from '../commands/sign-in/sign-in-lockout.js';
import { SecondFactorService } from '../commands/set-up-second-factor/second-factor.service.js';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../commands/identity-settings.js';
import { StaffUserEntity } from '../commands/staff-user.entity.js';
import { TenantEntity } from '../commands/tenant.entity.js';

export class SignInRefused extends Error {
  override readonly name = 'SignInRefused';
}

/** Too many failures in a row for this board and email: try again after `seconds`. */
export class SignInLocked extends Error {
  override readonly name = 'SignInLocked';
  constructor(readonly seconds: number) {
    super('sign-in locked');
  }
}

/** The password was right and the account has a second factor: the code is needed too. */
export class SecondFactorNeeded extends Error {
  override readonly name = 'SecondFactorNeeded';
}

/** The code from the authenticator was wrong, too old, or already used. */
export class SecondFactorRefused extends Error {
  override readonly name = 'SecondFactorRefused';
}

export interface SignedIn extends IssuedToken {
  readonly user: StaffUserEntity;
  /** "set-up": the token is good only for setting up a second factor (required, none yet). */
  readonly secondFactor: 'used' | 'set-up' | 'not-used';
}

export interface NewStaffUser {
  readonly tenantId: string;
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  readonly roles: readonly StaffRole[];
}

@Injectable()
export class IdentityService {
  constructor(
    private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly lockout: SignInLockout,
    private readonly secondFactor: SecondFactorService,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async createTenant(slug: string, name: string): Promise<TenantEntity> {
    const repo = this.db.getRepository(TenantEntity);
    const existing = await repo.findOne({ where: { slug } });
    if (existing) throw new RuleBroken('tenant-exists', `A tenant called "${slug}" already exists.`);
    return repo.save(repo.create({ id: randomUUID(), slug, name }));
  }

  async tenantBySlug(slug: string): Promise<TenantEntity | null> {
    return this.db.getRepository(TenantEntity).findOne({ where: { slug } });
  }

  async tenantById(id: string): Promise<TenantEntity | null> {
    return this.db.getRepository(TenantEntity).findOne({ where: { id } });
  }

  async createStaffUser(input: NewStaffUser): Promise<StaffUserEntity> {
    if (input.password.length < 12) {
      throw new RuleBroken('weak-password', 'A password needs at least 12 characters.');
    }
    if (input.roles.length === 0 || !input.roles.every(isStaffRole)) {
      throw new RuleBroken('invalid-roles', 'A staff user needs at least one known role.');
    }
    const repo = this.db.getRepository(StaffUserEntity);
    const email = input.email.trim().toLowerCase();
    if (await repo.findOne({ where: { tenantId: input.tenantId, email } })) {
      throw new RuleBroken('user-exists', 'A user with that email already exists in this tenant.');
    }
    return repo.save(
      repo.create({
        id: randomUUID(),
        tenantId: input.tenantId,
        email,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        roles: [...input.roles],
        disabled: false,
      }),
    );
  }

  /**
   * Same refusal, and about the same time, whether the tenant, the user or the password is wrong.
   * Failures in a row lock the board-and-email pair for a while (docs/adr/0011). An account with a
   * second factor needs its code too; where one is required and none is set up yet, the token
   * issued is good only for setting one up.
   */
  async signIn(tenantSlug: string, email: string, password: string, code?: string): Promise<SignedIn> {
    const locked = await this.lockout.secondsLocked(tenantSlug, email);
    if (locked > 0) throw new SignInLocked(locked);
    const tenant = await this.tenantBySlug(tenantSlug);
    const user = tenant
      ? await this.db
          .getRepository(StaffUserEntity)
          .findOne({ where: { tenantId: tenant.id, email: email.trim().toLowerCase() } })
      : null;
    const ok = await verifyPassword(user?.passwordHash || (await dummyHash()), password);
    if (!user || !user.passwordHash || !ok || user.disabled) {
      await this.lockout.failed(tenantSlug, email);
      throw new SignInRefused('sign-in refused');
    }
    const methods: SignInMethod[] = ['pwd'];
    if (user.totpSecret) {
      if (!code) throw new SecondFactorNeeded('second factor needed');
      if (!(await this.secondFactor.acceptAtSignIn(user, code))) {
        await this.lockout.failed(tenantSlug, email);
        throw new SecondFactorRefused('second factor refused');
      }
      methods.push('otp');
    }
    await this.lockout.succeeded(tenantSlug, email);
    const secondFactor = user.totpSecret ? 'used' : this.settings.secondFactor === 'required' ? 'set-up' : 'not-used';
    const issued = await this.tokens.issue({
      userId: user.id,
      tenantId: user.tenantId,
      roles: user.roles,
      methods,
      ...(secondFactor === 'set-up' ? { purpose: 'second-factor-enrolment' as const } : {}),
    });
    return { ...issued, user, secondFactor };
  }

  /** The active user behind a token, or null when disabled or gone (checked on every request). */
  async activeUser(userId: string, tenantId: string): Promise<StaffUserEntity | null> {
    const user = await this.db.getRepository(StaffUserEntity).findOne({ where: { id: userId, tenantId } });
    return user && !user.disabled ? user : null;
  }

  /** The id of an active staff user of a tenant, by email. */
  async activeUserIdByEmail(tenantId: string, email: string): Promise<string | undefined> {
    const user = await this.db
      .getRepository(StaffUserEntity)
      .findOne({ where: { tenantId, email: email.trim().toLowerCase(), disabled: false } });
    return user?.id;
  }

  async disable(userId: string, tenantId: string): Promise<void> {
    await this.db.getRepository(StaffUserEntity).update({ id: userId, tenantId }, { disabled: true });
  }
}
