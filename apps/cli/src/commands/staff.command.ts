import { randomBytes } from 'node:crypto';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import {
  AddStaffAccount,
  CreateBoardTenant,
  IdentityModule,
  IdentityService,
  isStaffRole,
  STAFF_ROLES,
  type StaffRole,
} from '#identity';
import type { AppConfig } from '#platform';
import { Module, type DynamicModule } from '@nestjs/common';
import { InfrastructureModule } from '../../../api/src/infrastructure/infrastructure.module.js';

/** Identity and what it stands on, with the CommandBus its writes go through: no HTTP, no projections. */
@Module({})
class StaffModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StaffModule,
      imports: [InfrastructureModule.forRoot(config), CqrsModule.forRoot(), IdentityModule],
    };
  }
}

export interface StaffOutcome {
  readonly code: number;
  readonly message: string;
}

/**
 * A new board (a council's tenant) with its first admin, or a further staff account on a board: the
 * way in for a council without its own sign-in (OIDC_PROVIDERS). The password is generated, shown once
 * and never stored in plain text; the person sets up a second factor at first sign-in.
 */
export async function staffCommand(
  config: AppConfig,
  input: { board?: string; name?: string; email?: string; displayName?: string; roles?: string; createBoard: boolean },
): Promise<StaffOutcome> {
  const usage = input.createBoard
    ? 'create-board needs --board <short-name> --name "<board name>" --email <first admin email>.'
    : `add-staff needs --board <short-name> --email <email> --role <${STAFF_ROLES.join('|')}>[,<role>...].`;
  if (!input.board || !input.email || (input.createBoard && !input.name) || (!input.createBoard && !input.roles)) {
    return { code: 2, message: usage };
  }
  if (!/^[a-z0-9-]{2,64}$/.test(input.board)) {
    return { code: 2, message: 'A board short name is 2 to 64 lower-case letters, digits or hyphens.' };
  }
  const roles = input.createBoard ? ['admin'] : input.roles!.split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !isStaffRole(r));
  if (unknown.length > 0)
    return { code: 2, message: `Unknown role ${unknown.join(', ')}. Roles: ${STAFF_ROLES.join(', ')}.` };

  const app = await NestFactory.createApplicationContext(StaffModule.forRoot(config), {
    logger: false,
  });
  try {
    const identity = app.get(IdentityService);
    const commands = app.get(CommandBus);
    const existing = await identity.tenantBySlug(input.board);
    if (input.createBoard && existing) return { code: 1, message: `A board called "${input.board}" already exists.` };
    if (!input.createBoard && !existing) return { code: 1, message: `There is no board called "${input.board}".` };
    const tenant = existing ?? (await commands.execute(new CreateBoardTenant(input.board, input.name!)));
    const password = randomBytes(18).toString('base64url');
    try {
      await commands.execute(
        new AddStaffAccount({
          tenantId: tenant.id,
          email: input.email,
          displayName: input.displayName ?? input.email,
          password,
          roles: roles as StaffRole[],
        }),
      );
    } catch (error) {
      return { code: 1, message: (error as Error).message };
    }
    return {
      code: 0,
      message: [
        input.createBoard ? `Board "${tenant.name}" (${tenant.slug}) created.` : `Account added to ${tenant.slug}.`,
        `Sign in as ${input.email.trim().toLowerCase()} with this password, shown once: ${password}`,
        'A second factor is set up at first sign-in (SECOND_FACTOR=required).',
      ].join('\n'),
    };
  } finally {
    await app.close();
  }
}
