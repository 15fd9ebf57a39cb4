import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, Matches } from 'class-validator';
import { CurrentCaller, Roles } from '../../contracts/route-access.js';
import { RequestHeaders, type HeaderMap } from '../../contracts/request-headers.js';
import type { Caller } from '../../contracts/caller.js';
import { STAFF_ROLES, type StaffRole } from '../../domain/roles.js';
import { ChangeStaffAccount, type StaffAccountChange } from './change-staff-account.command.js';

export class StaffAccountParams {
  @ApiProperty()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'accountId must be a staff account id' })
  accountId!: string;
}

export class StaffAccountStatusRequest {
  @ApiProperty({
    enum: ['active', 'disabled'],
    description: '"disabled": refused at their next request and at sign-in; "active": enabled again',
  })
  @IsIn(['active', 'disabled'], { message: 'status must be "active" or "disabled"' })
  status!: 'active' | 'disabled';
}

export class StaffAccountRolesRequest {
  @ApiProperty({ enum: STAFF_ROLES, isArray: true, description: 'The whole list of roles the account holds from now' })
  @IsArray({ message: `roles must be a list of one or more of ${STAFF_ROLES.join(', ')}` })
  @ArrayMinSize(1, { message: 'roles must hold at least one role' })
  @ArrayMaxSize(STAFF_ROLES.length, { message: `roles must hold at most ${STAFF_ROLES.length} roles` })
  @IsIn(STAFF_ROLES, { each: true, message: `each role must be one of ${STAFF_ROLES.join(', ')}` })
  roles!: StaffRole[];
}

/**
 * Disabling, enabling and changing the roles of the board's staff accounts, for its admins. Each change is
 * an event in the board's log; an admin cannot disable themself, and the board always keeps an active
 * admin (422).
 */
@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/staff/accounts')
export class ChangeStaffAccountController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':accountId/status')
  @Roles('admin')
  @ApiOperation({
    summary: 'Disable an account (refused from its next request) or enable it again; recorded as an event',
  })
  @ApiOkResponse({ description: '{ account, changed, events, position }' })
  status(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param() { accountId }: StaffAccountParams,
    @Body() body: StaffAccountStatusRequest,
  ): Promise<StaffAccountChange> {
    return this.commands.execute(new ChangeStaffAccount(caller, headers, accountId, { status: body.status }));
  }

  @Put(':accountId/roles')
  @Roles('admin')
  @ApiOperation({ summary: "Set an account's roles (in force from its next request); recorded as an event" })
  @ApiOkResponse({ description: '{ account, changed, events, position }' })
  roles(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param() { accountId }: StaffAccountParams,
    @Body() body: StaffAccountRolesRequest,
  ): Promise<StaffAccountChange> {
    return this.commands.execute(new ChangeStaffAccount(caller, headers, accountId, { roles: body.roles }));
  }
}
