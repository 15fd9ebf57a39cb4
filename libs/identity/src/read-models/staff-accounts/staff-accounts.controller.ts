import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../contracts/caller.js';
import { CurrentCaller, Roles } from '../../contracts/route-access.js';
import { ListStaffAccounts, type StaffAccountView } from './list-staff-accounts.query.js';

/** The board's staff accounts, for its admins: who has an account, in which roles, and whether it is disabled. */
@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/staff/accounts')
export class StaffAccountsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: "The board's staff accounts: name, e-mail, roles, disabled or not, second factor" })
  @ApiOkResponse({ description: '[{ accountId, displayName, email, roles, disabled, secondFactor, councilSignIn }]' })
  list(@CurrentCaller() caller: Caller): Promise<StaffAccountView[]> {
    return this.queries.execute(new ListStaffAccounts(caller.tenantId));
  }
}
