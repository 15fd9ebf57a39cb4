import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '#identity/contracts';
import { GetSafeguardingQueue, type WithheldView } from './safeguarding-queue.query.js';
import { WithheldViewResponse } from './safeguarding-queue.responses.js';

// The safeguarding lead is the only role that ever sees a withheld view.
@ApiTags('voice')
@ApiBearerAuth()
@Controller('api/safeguarding')
export class SafeguardingQueueController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('queue')
  @Roles('safeguarding-lead')
  @ApiOkResponse({ type: [WithheldViewResponse] })
  @ApiOperation({ summary: 'Views withheld for safeguarding, with their words and case (each read is access-logged)' })
  queue(@CurrentCaller() caller: Caller): Promise<WithheldView[]> {
    return this.queryBus.execute(new GetSafeguardingQueue(caller));
  }
}
