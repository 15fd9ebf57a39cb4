import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ContributionWriteResponse, QueuedViewResponse } from '../shared/staff-responses.js';
import { CommandContextFactory, CurrentCaller, Roles, type Caller, RequestHeaders, type HeaderMap } from '#identity';
import type { Moderation } from '../../domain/index.js';
import type { ContributionWriteResult } from '../shared/staff-contribution-writer.js';
import { ModerateContributionCommand } from './moderate-contribution.command.js';
import { GetModerationQueue, type QueuedView } from './moderation-queue.query.js';
import { AcceptWithRedactionsRequest, AskQuestionRequest, EscalateRequest } from './moderation.request.js';

@ApiTags('voice')
@ApiBearerAuth()
@Controller('api/moderation')
export class ModerationController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Get('queue')
  @Roles('moderator')
  @ApiOkResponse({ type: [QueuedViewResponse] })
  @ApiOperation({ summary: 'Views waiting for moderation, with their words (each read is access-logged)' })
  queue(@CurrentCaller() caller: Caller): Promise<QueuedView[]> {
    return this.queryBus.execute(new GetModerationQueue(caller));
  }

  @Post('views/:contributionId/accept')
  @Roles('moderator')
  @HttpCode(200)
  @ApiOkResponse({ type: ContributionWriteResponse })
  @ApiOperation({ summary: 'Accept a view as written: it may go to the board' })
  accept(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('contributionId') contributionId: string,
  ): Promise<ContributionWriteResult> {
    return this.moderate(caller, headers, contributionId, { outcome: 'accept' });
  }

  @Post('views/:contributionId/accept-with-redactions')
  @Roles('moderator')
  @HttpCode(200)
  @ApiOkResponse({ type: ContributionWriteResponse })
  @ApiOperation({ summary: 'Accept a view with redactions: the board sees only the redacted text' })
  acceptWithRedactions(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('contributionId') contributionId: string,
    @Body() body: AcceptWithRedactionsRequest,
  ): Promise<ContributionWriteResult> {
    return this.moderate(caller, headers, contributionId, {
      outcome: 'accept-with-redactions',
      redactedText: body.redactedText,
    });
  }

  @Post('views/:contributionId/ask')
  @Roles('moderator')
  @HttpCode(200)
  @ApiOkResponse({ type: ContributionWriteResponse })
  @ApiOperation({ summary: 'Ask the author a question before deciding' })
  ask(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('contributionId') contributionId: string,
    @Body() body: AskQuestionRequest,
  ): Promise<ContributionWriteResult> {
    return this.moderate(caller, headers, contributionId, { outcome: 'ask-question', question: body.question });
  }

  @Post('views/:contributionId/escalate')
  @Roles('moderator')
  @HttpCode(200)
  @ApiOkResponse({ type: ContributionWriteResponse })
  @ApiOperation({ summary: 'Raise a safeguarding concern: the view is withheld from the board for good' })
  escalate(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('contributionId') contributionId: string,
    @Body() body: EscalateRequest,
  ): Promise<ContributionWriteResult> {
    return this.moderate(caller, headers, contributionId, { outcome: 'escalate', reason: body.reason });
  }

  private moderate(
    caller: Caller,
    headers: HeaderMap,
    contributionId: string,
    moderation: Moderation,
  ): Promise<ContributionWriteResult> {
    return this.commandBus.execute(
      new ModerateContributionCommand(this.contexts.forStaff(caller, headers), contributionId, moderation),
    );
  }
}
