import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RuleBroken } from '#platform';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password-hasher.js';
import { TokenService } from '../auth/token-service.js';
import { isStaffRole, type StaffRole } from '../domain/roles.js';
import { StaffUserEntity } from './staff-user.entity.js';
import { TenantEntity } from './tenant.entity.js';

export class SignInRefused extends Error {
  override readonly name = 'SignInRefused';
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

  /** Same refusal, and about the same time, whether the tenant, the user or the password is wrong. */
  async signIn(
    tenantSlug: string,
    email: string,
    password: string,
  ): Promise<{ token: string; expiresAt: Date; user: StaffUserEntity }> {
    const tenant = await this.tenantBySlug(tenantSlug);
    const user = tenant
      ? await this.db
          .getRepository(StaffUserEntity)
          .findOne({ where: { tenantId: tenant.id, email: email.trim().toLowerCase() } })
      : null;
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok || user.disabled) throw new SignInRefused('sign-in refused');
    const { token, expiresAt } = await this.tokens.issue({
      userId: user.id,
      tenantId: user.tenantId,
      roles: user.roles,
    });
    return { token, expiresAt, user };
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

  /** Active staff of a tenant holding `role`, by name: whom an action can be given to. */
  async activeStaffWithRole(
    tenantId: string,
    role: StaffRole,
  ): Promise<Array<{ userId: string; displayName: string }>> {
    const users = await this.db.getRepository(StaffUserEntity).find({ where: { tenantId, disabled: false } });
    return users
      .filter((user) => user.roles.includes(role))
      .map((user) => ({ userId: user.id, displayName: user.displayName }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  async disable(userId: string, tenantId: string): Promise<void> {
    await this.db.getRepository(StaffUserEntity).update({ id: userId, tenantId }, { disabled: true });
  }
}
