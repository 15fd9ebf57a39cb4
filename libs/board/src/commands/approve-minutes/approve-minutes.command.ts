import { followUpContext, idForNew, BoardStreams, type WriteResult } from '#event-store';
import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import { RuleBroken } from '#platform';
import {
  instantMs,
  londonDateOf,
  meetingDecider,
  meetingStream,
  type ApproveMinutes,
  type HowReached,
  type MeetingState,
  type MinutesCorrection,
  type VoiceEvidence,
} from '../../domain/index.js';
import { BoardAggregates } from '../board-aggregates.js';
import { DecisionRecorder, type RecordedDecision } from '../decision-recorder.js';

/** The standing item under which a meeting approves the minutes of the last one. */
export const MINUTES_ITEM_ID = 'minutes-of-last-meeting';

export interface ApprovalInput {
  readonly decisionId?: string;
  readonly corrections: readonly MinutesCorrection[];
  readonly resolution?: string;
  readonly reached?: HowReached;
  readonly reasons?: string;
  readonly voiceEvidence?: VoiceEvidence;
}

export type MinutesApprovedResult = RecordedDecision & { readonly minutes: WriteResult };

export class ApproveMinutesCommand extends Command<MinutesApprovedResult> {
  constructor(
    readonly context: CommandContext,
    /** The meeting in progress that approves. */
    readonly meetingId: string,
    /** The earlier meeting whose drafted minutes are approved. */
    readonly previousMeetingId: string,
    readonly input: ApprovalInput,
  ) {
    super();
  }
}

const NO_VIEWS_APPLIED =
  'Approving the minutes confirms the record of an earlier meeting; it decides nothing that children’s views could inform.';

/**
 * Minutes are approved by the next meeting, as a decision there; then the earlier meeting records the
 * approval (and its corrections), after which its minutes never change. Two streams, two writes: the
 * decision first, then the approval with a command id derived from the request's, so a retry of the
 * same request (same Idempotency-Key) completes what a failed first attempt began.
 */
@Injectable()
@CommandHandler(ApproveMinutesCommand)
export class ApproveMinutesHandler implements ICommandHandler<ApproveMinutesCommand, MinutesApprovedResult> {
  constructor(
    private readonly aggregates: BoardAggregates,
    private readonly streams: BoardStreams,
    private readonly recorder: DecisionRecorder,
  ) {}

  async execute({
    context,
    meetingId,
    previousMeetingId,
    input,
  }: ApproveMinutesCommand): Promise<MinutesApprovedResult> {
    const { tenantId } = context;
    const previous = await this.aggregates.meeting(tenantId, previousMeetingId);
    const current = await this.aggregates.meeting(tenantId, meetingId);
    const decisionId = idForNew(context, 'decision', input.decisionId);
    const approve: ApproveMinutes = {
      type: 'ApproveMinutes',
      data: {
        meetingId: previousMeetingId,
        approvedAtMeetingId: meetingId,
        decisionId,
        corrections: input.corrections,
        at: context.now,
      },
    };
    if (previous.approvedByDecisionId !== decisionId) {
      // Refuse before the first write what the second would refuse (not drafted, already approved,
      // a correction to an unknown item), so a 422 changes nothing. A completed retry skips this.
      meetingDecider.decide(approve, previous);
      requireLaterMeeting(previous, current);
    }
    const decision = await this.recorder.record(context, meetingId, MINUTES_ITEM_ID, {
      decisionId,
      resolution: input.resolution ?? defaultResolution(previous, input.corrections.length > 0),
      kind: 'resolution',
      reached: input.reached ?? { method: 'consensus' },
      reasons: input.reasons ?? 'The minutes are a correct record of the meeting.',
      alternativesRejected: [],
      interestsDeclared: [],
      themes: [],
      principles: [],
      voiceEvidence: input.voiceEvidence ?? { noneApplied: { reason: NO_VIEWS_APPLIED } },
    });
    const minutes = await this.streams.run(
      meetingDecider,
      meetingStream(previousMeetingId),
      approve,
      followUpContext(context, 'approve-minutes'),
      { id: previousMeetingId },
    );
    return { ...decision, minutes };
  }
}

function requireLaterMeeting(previous: MeetingState, current: MeetingState): void {
  if (instantMs(current.startsAt) <= instantMs(previous.startsAt)) {
    throw new RuleBroken('not-a-later-meeting', 'Minutes are approved at a later meeting than the one they record.');
  }
}

function defaultResolution(previous: MeetingState, corrected: boolean): string {
  const held = londonDateOf(previous.startsAt);
  const as = corrected ? 'as corrected' : 'as a correct record';
  return `The minutes of the meeting held on ${held} (${previous.title}) are approved ${as}.`;
}
