import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IdentityService, type NewStaffUser } from '../../contracts/identity.service.js';
import type { TenantEntity } from '../tenant.entity.js';

// A board (a council's tenant) and its staff accounts come into being through the CommandBus, from the
// CLI (create-board, add-staff) and the demo seeding alike, as every other write does.

/** A new board, by its short name; refused (tenant-exists) when one has it already. */
export class CreateBoardTenant extends Command<TenantEntity> {
  constructor(
    readonly slug: string,
    readonly name: string,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(CreateBoardTenant)
export class CreateBoardTenantHandler implements ICommandHandler<CreateBoardTenant, TenantEntity> {
  constructor(private readonly identity: IdentityService) {}

  execute({ slug, name }: CreateBoardTenant): Promise<TenantEntity> {
    return this.identity.createTenant(slug, name);
  }
}

/** The account made: its id only (never its hash or secrets, which stay inside identity). */
export interface StaffAccountAdded {
  readonly accountId: string;
}

/** A staff account with a password; refused (user-exists, weak-password, invalid-roles) as the rules say. */
export class AddStaffAccount extends Command<StaffAccountAdded> {
  constructor(readonly account: NewStaffUser) {
    super();
  }
}

@Injectable()
@CommandHandler(AddStaffAccount)
export class AddStaffAccountHandler implements ICommandHandler<AddStaffAccount, StaffAccountAdded> {
  constructor(private readonly identity: IdentityService) {}

  async execute({ account }: AddStaffAccount): Promise<StaffAccountAdded> {
    return { accountId: (await this.identity.createStaffUser(account)).id };
  }
}
