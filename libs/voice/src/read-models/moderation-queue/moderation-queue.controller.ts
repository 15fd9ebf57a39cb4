import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '#identity/contracts';
import { GetModerationQueue, type QueuedView } from './moderation-queue.query.js';
import { QueuedViewResponse } from './moderation-queue.responses.js';

@ApiTags('voice')
@ApiBearerAuth()
@Controller('api/moderation')
export class ModerationQueueController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('queue')
  @Roles('moderator')
  @ApiOkResponse({ type: [QueuedViewResponse] })
  @ApiOperation({ summary: 'Views waiting for moderation, with their words (each read is access-logged)' })
  queue(@CurrentCaller() caller: Caller): Promise<QueuedView[]> {
    return this.queryBus.execute(new GetModerationQueue(caller));
  }
}
