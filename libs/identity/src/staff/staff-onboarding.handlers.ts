import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IdentityService, type NewStaffUser } from './identity.service.js';
import type { StaffUserEntity } from './staff-user.entity.js';
import type { TenantEntity } from './tenant.entity.js';

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

/** A staff account with a password; refused (user-exists, weak-password, invalid-roles) as the rules say. */
export class AddStaffAccount extends Command<StaffUserEntity> {
  constructor(readonly account: NewStaffUser) {
    super();
  }
}

@Injectable()
@CommandHandler(AddStaffAccount)
export class AddStaffAccountHandler implements ICommandHandler<AddStaffAccount, StaffUserEntity> {
  constructor(private readonly identity: IdentityService) {}

  execute({ account }: AddStaffAccount): Promise<StaffUserEntity> {
    return this.identity.createStaffUser(account);
  }
}
