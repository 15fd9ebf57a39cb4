import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type WriteResult } from '#event-store';
import { ContributionWriteResponse } from '../write-result.response.js';
import {
  CommandContextFactory,
  CurrentCaller,
  Roles,
  type Caller,
  RequestHeaders,
  type HeaderMap,
} from '#identity/contracts';
import { SafeguardingCaseStepCommand } from './safeguarding-case-step.command.js';
import { OutcomeRequest } from './safeguarding-case.request.js';

// A case's named lead or deputy moves it on (the safeguarding lead is the only role that sees a withheld view).
@ApiTags('voice')
@ApiBearerAuth()
@Controller('api/safeguarding')
export class SafeguardingCaseController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

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
