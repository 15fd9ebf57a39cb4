import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandContextFactory,
  CurrentCaller,
  Roles,
  type Caller,
  RequestHeaders,
  type HeaderMap,
} from '#identity/contracts';
import { toDecisionInput } from '../decision-content.request.js';
import type { RecordedDecision } from '../decision-recorder.js';
import { CHAIR } from '../decision-roles.js';
import { DecisionRecordedResponse } from '../decisions.responses.js';
import { RecordDecisionCommand } from './record-decision.command.js';
import { RecordDecisionRequest } from './record-decision.request.js';

@ApiTags('board')
@ApiBearerAuth()
@Controller('api/meetings/:meetingId/agenda-items/:itemId/decisions')
export class RecordDecisionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Post()
  @Roles(...CHAIR)
  @ApiOperation({
    summary: 'Record a decision at an agenda item of a meeting in progress, with its voice evidence',
    description:
      'Voice evidence is required: the contributions cited (each accepted by moderation and not withdrawn, ' +
      'with its influence and a plain-words rationale), or why no children’s views applied. With amends or ' +
      'supersedes, the earlier decision gains a note on its own history (see the amend/supersede routes).',
  })
  @ApiCreatedResponse({ type: DecisionRecordedResponse })
  record(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Param('itemId') itemId: string,
    @Body() body: RecordDecisionRequest,
  ): Promise<RecordedDecision> {
    const amends = body.amends && {
      decisionId: body.amends.decisionId,
      reason: body.amends.reason,
      changes: body.amends.changes,
    };
    const supersedes = body.supersedes && { decisionId: body.supersedes.decisionId, reason: body.supersedes.reason };
    return this.commandBus.execute(
      new RecordDecisionCommand(this.contexts.forStaff(caller, headers), meetingId, itemId, {
        ...toDecisionInput(body),
        amends,
        supersedes,
      }),
    );
  }
}
