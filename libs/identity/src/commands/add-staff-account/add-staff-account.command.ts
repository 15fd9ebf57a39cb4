import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IdentityService, type NewStaffUser } from '../../contracts/identity.service.js';

// A board's staff accounts come into being through the CommandBus, from the CLI (add-staff) and the demo
// seeding alike, as every other write does.

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
