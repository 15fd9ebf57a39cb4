import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type WriteResult } from '#event-store';
import { ContributionWriteResponse, WithheldViewResponse } from '../staff-responses.js';
import { CommandContextFactory, CurrentCaller, Roles, type Caller, RequestHeaders, type HeaderMap } from '#identity';
import { GetSafeguardingQueue, type WithheldView } from './safeguarding-queue.query.js';
import { SafeguardingCaseStepCommand } from './safeguarding.commands.js';
import { OutcomeRequest } from './safeguarding.request.js';

// The safeguarding lead is the only role that ever sees a withheld view.
@ApiTags('voice')
@ApiBearerAuth()
@Controller('api/safeguarding')
export class SafeguardingController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Get('queue')
  @Roles('safeguarding-lead')
  @ApiOkResponse({ type: [WithheldViewResponse] })
  @ApiOperation({ summary: 'Views withheld for safeguarding, with their words and case (each read is access-logged)' })
  queue(@CurrentCaller() caller: Caller): Promise<WithheldView[]> {
    return this.queryBus.execute(new GetSafeguardingQueue(caller));
  }

  @Post('cases/:caseId/acknowledge')
  @Roles('safeguarding-lead')
  @HttpCode(200)
  @ApiOkResponse({ type: ContributionWriteResponse })
  @ApiOperation({ summary: 'Acknowledge a case (its named lead or deputy)' })
  acknowledge(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('caseId') caseId: string,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new SafeguardingCaseStepCommand(this.contexts.forStaff(caller, headers), caseId, { kind: 'acknowledge' }),
    );
  }

  @Post('cases/:caseId/outcome')
  @Roles('safeguarding-lead')
  @HttpCode(200)
  @ApiOkResponse({ type: ContributionWriteResponse })
  @ApiOperation({ summary: 'Record the outcome of an acknowledged case, with a reason' })
  outcome(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('caseId') caseId: string,
    @Body() body: OutcomeRequest,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new SafeguardingCaseStepCommand(this.contexts.forStaff(caller, headers), caseId, {
        kind: 'outcome',
        outcome: body.outcome,
        reason: body.reason,
      }),
    );
  }
}
