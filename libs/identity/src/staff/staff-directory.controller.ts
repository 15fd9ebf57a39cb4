import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../contracts/caller.js';
import { CurrentCaller, Roles } from '../auth/decorators.js';
import { IdentityService } from './identity.service.js';

export class StaffMemberResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
}

/** Who is who among the board's staff, for those who give out work: names and ids, never emails. */
@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/staff')
export class StaffDirectoryController {
  constructor(private readonly identity: IdentityService) {}

  @Get('officers')
  @Roles('chair', 'clerk')
  @ApiOkResponse({ type: [StaffMemberResponse] })
  @ApiOperation({ summary: 'Active officers of this board, who can be given actions and report on them' })
  officers(@CurrentCaller() caller: Caller): Promise<StaffMemberResponse[]> {
    return this.identity.activeStaffWithRole(caller.tenantId, 'officer');
  }
}
