import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IdentityService } from '../../contracts/identity.service.js';
import type { TenantEntity } from '../tenant.entity.js';

// A board (a council's tenant) comes into being through the CommandBus, from the CLI (create-board) and the
// demo seeding alike, as every other write does.

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
