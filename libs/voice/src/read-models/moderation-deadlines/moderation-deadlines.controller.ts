import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentCaller, Roles, type Caller } from '#identity/contracts';
import { GetOverdueModeration } from './get-overdue-moderation.query.js';
import { OverdueModerationResponse } from './moderation-deadlines.responses.js';
import type { OverdueModeration } from './moderation-deadlines.reader.js';

@ApiTags('voice')
@ApiBearerAuth()
@Controller('api/moderation')
export class ModerationDeadlineController {
  constructor(private readonly queries: QueryBus) {}

  // A count only, never which view or its words: the board's readers may see that views wait too long.
  @Get('overdue')
  @Roles('moderator', 'admin', 'clerk', 'chair', 'member', 'officer', 'auditor')
  @ApiOkResponse({ type: OverdueModerationResponse })
  @ApiOperation({ summary: 'How many views wait past the board’s moderation window (counts only)' })
  overdue(@CurrentCaller() caller: Caller): Promise<OverdueModeration> {
    return this.queries.execute(new GetOverdueModeration(caller.tenantId));
  }
}
