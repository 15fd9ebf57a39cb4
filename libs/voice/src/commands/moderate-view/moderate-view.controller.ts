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
import type { Moderation } from '../../domain/index.js';
import { RunOnViewCommand } from '../run-on-view.command.js';
import {
  AcceptRequest,
  AcceptWithRedactionsRequest,
  AskQuestionRequest,
  DeclineRequest,
  EscalateRequest,
  SummaryRequest,
} from './moderate-view.request.js';

@ApiTags('voice')
@ApiBearerAuth()
@Controller('api/moderation')
export class ModerateViewController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Post('views/:contributionId/accept')
  @Roles('moderator')
  @HttpCode(200)
  @ApiOkResponse({ type: ContributionWriteResponse })
  @ApiOperation({
    summary: 'Accept a view as written: it may go to the board',
    description: 'For a view shared "summary only", give the summary the board will read (or write it later).',
  })
  accept(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('contributionId') contributionId: string,
    @Body() body: AcceptRequest,
  ): Promise<WriteResult> {
    return this.moderate(caller, headers, contributionId, { outcome: 'accept', summary: body.summary });
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
  ): Promise<WriteResult> {
    return this.moderate(caller, headers, contributionId, {
      outcome: 'accept-with-redactions',
      redactedText: body.redactedText,
      summary: body.summary,
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
  ): Promise<WriteResult> {
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
  ): Promise<WriteResult> {
    return this.moderate(caller, headers, contributionId, { outcome: 'escalate', reason: body.reason });
  }

  @Post('views/:contributionId/decline')
  @Roles('moderator')
  @HttpCode(200)
  @ApiOkResponse({ type: ContributionWriteResponse })
  @ApiOperation({
    summary: 'Decline a view (spam, abuse, off topic, a repeat): it never reaches the board or the public page',
    description: 'Its author reads the reason and your note when they check their view with their code.',
  })
  decline(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('contributionId') contributionId: string,
    @Body() body: DeclineRequest,
  ): Promise<WriteResult> {
    return this.moderate(caller, headers, contributionId, { outcome: 'decline', reason: body.reason, note: body.note });
  }

  @Post('views/:contributionId/summary')
  @Roles('moderator')
  @HttpCode(200)
  @ApiOkResponse({ type: ContributionWriteResponse })
  @ApiOperation({
    summary: 'Write or rewrite the summary the board reads of an accepted view (a new version; earlier ones are kept)',
  })
  summarise(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('contributionId') contributionId: string,
    @Body() body: SummaryRequest,
  ): Promise<WriteResult> {
    const context = this.contexts.forStaff(caller, headers);
    return this.commandBus.execute(
      new RunOnViewCommand(context, {
        type: 'SummariseContribution',
        data: { contributionId, text: body.text, at: context.now },
      }),
    );
  }

  private moderate(
    caller: Caller,
    headers: HeaderMap,
    contributionId: string,
    moderation: Moderation,
  ): Promise<WriteResult> {
    const context = this.contexts.forStaff(caller, headers);
    return this.commandBus.execute(
      new RunOnViewCommand(context, {
        type: 'ModerateContribution',
        data: { contributionId, moderation, at: context.now },
      }),
    );
  }
}
