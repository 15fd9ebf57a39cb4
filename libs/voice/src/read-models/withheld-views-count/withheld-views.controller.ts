import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WithheldCountResponse } from './withheld-views-count.responses.js';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentCaller, Roles, type Caller, type StaffRole } from '#identity/contracts';
import { CountWithheldViews } from './count-withheld-views.query.js';

// The board's readers (as the board's read models define them): only a count, never which view or its words.
const BOARD_READERS: StaffRole[] = ['admin', 'clerk', 'chair', 'member', 'officer', 'auditor'];

@ApiTags('board')
@ApiBearerAuth()
@Controller('api/board/withheld-views-count')
export class WithheldViewsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...BOARD_READERS)
  @ApiOkResponse({ type: WithheldCountResponse })
  @ApiOperation({ summary: 'How many views were withheld for safeguarding (a count only)' })
  count(@CurrentCaller() caller: Caller): Promise<{ withheld: number }> {
    return this.queries.execute(new CountWithheldViews(caller.tenantId));
  }
}
