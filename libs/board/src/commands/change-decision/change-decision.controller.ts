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
import { AmendDecisionCommand, SupersedeDecisionCommand } from './change-decision.command.js';
import { AmendDecisionRequest, SupersedeDecisionRequest } from './change-decision.request.js';

const TWO_WRITES =
  'A recorded decision is never edited. This records the later decision first, then notes it on the ' +
  'earlier decision’s own history: two streams, not one atomic write. If the second write fails, ' +
  'repeat the same request with the same Idempotency-Key: the first write is answered as a duplicate ' +
  'and the second is completed.';

@ApiTags('board')
@ApiBearerAuth()
@Controller('api/decisions/:decisionId')
export class ChangeDecisionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Post('amend')
  @Roles(...CHAIR)
  @ApiOperation({ summary: 'Amend a decision by a later meeting’s decision that says why', description: TWO_WRITES })
  @ApiCreatedResponse({ type: DecisionRecordedResponse })
  amend(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('decisionId') decisionId: string,
    @Body() body: AmendDecisionRequest,
  ): Promise<RecordedDecision> {
    const later = { meetingId: body.meetingId, itemId: body.itemId, decision: toDecisionInput(body) };
    const context = this.contexts.forStaff(caller, headers);
    return this.commandBus.execute(new AmendDecisionCommand(context, decisionId, later, body.reason, body.changes));
  }

  @Post('supersede')
  @Roles(...CHAIR)
  @ApiOperation({
    summary: 'Supersede a decision by a later meeting’s decision that says why',
    description: TWO_WRITES,
  })
  @ApiCreatedResponse({ type: DecisionRecordedResponse })
  supersede(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('decisionId') decisionId: string,
    @Body() body: SupersedeDecisionRequest,
  ): Promise<RecordedDecision> {
    const later = { meetingId: body.meetingId, itemId: body.itemId, decision: toDecisionInput(body) };
    const context = this.contexts.forStaff(caller, headers);
    return this.commandBus.execute(new SupersedeDecisionCommand(context, decisionId, later, body.reason));
  }
}
