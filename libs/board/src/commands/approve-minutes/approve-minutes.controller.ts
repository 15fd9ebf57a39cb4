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
import { toHowReached, toVoiceEvidence } from '../decision-content.request.js';
import { CHAIR } from '../decision-roles.js';
import { MinutesApprovedResponse } from '../decisions.responses.js';
import { ApproveMinutesCommand, type MinutesApprovedResult } from './approve-minutes.command.js';
import { ApproveMinutesRequest } from './approve-minutes.request.js';

@ApiTags('board')
@ApiBearerAuth()
@Controller('api/meetings/:meetingId/approve-minutes-of/:previousMeetingId')
export class ApproveMinutesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Post()
  @Roles(...CHAIR)
  @ApiOperation({
    summary: 'Approve the minutes of an earlier meeting, as a decision of this meeting in progress',
    description:
      'Records a decision under this meeting’s "minutes of the last meeting" item, then the approval (with ' +
      'any corrections) on the earlier meeting, whose minutes then never change. Two streams, not one ' +
      'atomic write: if the second fails, repeat the request with the same Idempotency-Key to complete it.',
  })
  @ApiCreatedResponse({ type: MinutesApprovedResponse })
  approve(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Param('previousMeetingId') previousMeetingId: string,
    @Body() body: ApproveMinutesRequest,
  ): Promise<MinutesApprovedResult> {
    return this.commandBus.execute(
      new ApproveMinutesCommand(this.contexts.forStaff(caller, headers), meetingId, previousMeetingId, {
        decisionId: body.decisionId,
        corrections: (body.corrections ?? []).map(({ itemId, text }) => ({ itemId, text })),
        resolution: body.resolution,
        reached: body.reached && toHowReached(body.reached),
        reasons: body.reasons,
        voiceEvidence: body.voiceEvidence && toVoiceEvidence(body.voiceEvidence),
      }),
    );
  }
}
