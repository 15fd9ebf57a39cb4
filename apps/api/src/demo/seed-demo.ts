import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AddStaffAccount, CreateBoardTenant, IdentityService, type StaffRole } from '#identity';
import type { AppConfig } from '#platform';
import { DEMO_PASSWORD, DEMO_TENANT, DEMO_USERS } from '#demo';
import { APP_CONFIG } from '../infrastructure/infrastructure.module.js';

export interface SeededDemo {
  readonly tenantId: string;
  readonly tenantSlug: string;
  readonly tenantName: string;
  readonly password: string;
  readonly users: ReadonlyArray<{ role: StaffRole; email: string }>;
}

/** Creates the demo board and one user per role, once; later starts find them in place. */
export async function seedDemo(app: INestApplication): Promise<SeededDemo> {
  // The configuration refuses DEMO_SEED and --demo in production; this holds for any other caller too.
  if (app.get<AppConfig>(APP_CONFIG).NODE_ENV === 'production') {
    throw new Error('The demo board (its accounts share a public password) is never seeded in production.');
  }
  // The CommandBus knows its handlers once the application has initialised (a second init() is a no-op).
  await app.init();
  const identity = app.get(IdentityService);
  const commands = app.get(CommandBus);
  const tenant =
    (await identity.tenantBySlug(DEMO_TENANT.slug)) ??
    (await commands.execute(new CreateBoardTenant(DEMO_TENANT.slug, DEMO_TENANT.name)));
  for (const user of DEMO_USERS) {
    try {
      await commands.execute(
        new AddStaffAccount({
          tenantId: tenant.id,
          email: user.email,
          displayName: user.displayName,
          password: DEMO_PASSWORD,
          roles: [user.role],
        }),
      );
    } catch (error) {
      if ((error as { code?: string }).code !== 'user-exists') throw error;
    }
  }
  return {
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    tenantName: tenant.name,
    password: DEMO_PASSWORD,
    users: DEMO_USERS,
  };
}
