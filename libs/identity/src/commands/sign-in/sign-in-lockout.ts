import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../identity-settings.js';
import { lockSeconds } from '../../domain/lockout-policy.js';
import { SignInFailureEntity } from './sign-in-failure.entity.js';

/**
 * Lockout and back-off per account: after `after` failed sign-ins in a row (a wrong password or a
 * wrong code), sign-in for that board and email is refused for a while without looking at the
 * password, and each further failure doubles the wait. A success clears the count. Kept in the read
 * database, so every api process sees the same count.
 */
@Injectable()
export class SignInLockout {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /** Seconds until sign-in may be tried again; 0 when not locked. */
  async secondsLocked(tenant: string, email: string): Promise<number> {
    const row = await this.repo().findOne({ where: { key: accountKey(tenant, email) } });
    if (!row?.lockedUntil) return 0;
    const left = Date.parse(row.lockedUntil) - this.clock.now().getTime();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Counts a failure; returns the seconds the account is now locked for (0: not locked yet). */
  async failed(tenant: string, email: string): Promise<number> {
    const key = accountKey(tenant, email);
    const repo = this.repo();
    // An atomic increment, so failures racing in two processes are both counted.
    const { affected } = await repo.increment({ key }, 'failures', 1);
    if (!affected) {
      try {
        await repo.insert({ key, failures: 1, lockedUntil: null });
      } catch {
        await repo.increment({ key }, 'failures', 1); // another request inserted it first
      }
    }
    const { failures } = await repo.findOneOrFail({ where: { key } });
    const seconds = lockSeconds(failures, this.settings.lockout);
    if (seconds > 0) {
      const until = new Date(this.clock.now().getTime() + seconds * 1000).toISOString();
      await repo.update({ key }, { lockedUntil: until });
    }
    return seconds;
  }

  async succeeded(tenant: string, email: string): Promise<void> {
    await this.repo().delete({ key: accountKey(tenant, email) });
  }

  private repo() {
    return this.db.getRepository(SignInFailureEntity);
  }
}

function accountKey(tenant: string, email: string): string {
  return createHash('sha256').update(`${tenant}\0${email.trim().toLowerCase()}`).digest('hex');
}
