import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../contracts/caller.js';
import { CurrentCaller, Roles } from '../../contracts/route-access.js';
import { ListOfficers, StaffMemberResponse } from './list-officers.query.js';

/** Who is who among the board's staff, for those who give out work: names and ids, never emails. */
@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/staff')
export class OfficersController {
  constructor(private readonly queries: QueryBus) {}

  @Get('officers')
  @Roles('chair', 'clerk')
  @ApiOkResponse({ type: [StaffMemberResponse] })
  @ApiOperation({ summary: 'Active officers of this board, who can be given actions and report on them' })
  officers(@CurrentCaller() caller: Caller): Promise<StaffMemberResponse[]> {
    return this.queries.execute(new ListOfficers(caller.tenantId));
  }
}
