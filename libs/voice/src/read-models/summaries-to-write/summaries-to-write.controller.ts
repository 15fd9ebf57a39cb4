import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '#identity/contracts';
import { GetSummariesToWrite, type SummaryToWrite } from './summaries-to-write.query.js';
import { SummaryToWriteResponse } from './summaries-to-write.responses.js';

@ApiTags('voice')
@ApiBearerAuth()
@Controller('api/moderation')
export class SummariesToWriteController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('summaries')
  @Roles('moderator')
  @ApiOkResponse({ type: [SummaryToWriteResponse] })
  @ApiOperation({
    summary:
      'Accepted views shared "summary only" that need a summary (none yet, or their author asked for a change), with their words (each read is access-logged)',
  })
  summaries(@CurrentCaller() caller: Caller): Promise<SummaryToWrite[]> {
    return this.queryBus.execute(new GetSummariesToWrite(caller));
  }
}
