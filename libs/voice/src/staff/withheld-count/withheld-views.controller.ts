import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WithheldCountResponse } from '../shared/staff-responses.js';
import { DataSource } from 'typeorm';
import { CurrentCaller, Roles, type Caller, type StaffRole } from '#identity';
import { statusRows } from '../contribution-status/contribution-status.rows.js';

// The board's readers (as the board's read models define them): only a count, never which view or its words.
const BOARD_READERS: StaffRole[] = ['admin', 'clerk', 'chair', 'member', 'officer', 'auditor'];

@ApiTags('board')
@ApiBearerAuth()
@Controller('api/board/withheld-views-count')
export class WithheldViewsController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @Roles(...BOARD_READERS)
  @ApiOkResponse({ type: WithheldCountResponse })
  @ApiOperation({ summary: 'How many views were withheld for safeguarding (a count only)' })
  async count(@CurrentCaller() caller: Caller): Promise<{ withheld: number }> {
    const rows = await statusRows(this.db, caller.tenantId, { sql: 't.escalated = true', params: {} });
    return { withheld: rows.length };
  }
}
