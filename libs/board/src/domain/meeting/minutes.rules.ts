import { RuleBroken, checkInput, isText, type Rules } from '#kernel';
import type { MeetingCommandOf, MinutesCorrection } from './meeting.commands.js';
import type { MeetingEvent } from './meeting.events.js';
import { refuseStatus, requireActiveItem, requireStatus } from './meeting.guards.js';
import type { MeetingState } from './meeting.state.js';

export type DraftMinutes = MeetingCommandOf<'DraftMinutes', object>;

/** Approval happens at a later meeting, as a decision there (decisionId). */
export type ApproveMinutes = MeetingCommandOf<
  'ApproveMinutes',
  {
    readonly approvedAtMeetingId: string;
    readonly decisionId: string;
    readonly corrections?: readonly MinutesCorrection[];
  }
>;

export type PublishMinutes = MeetingCommandOf<'PublishMinutes', object>;

export type MinutesCommand = DraftMinutes | ApproveMinutes | PublishMinutes;

export function draftMinutes({ data }: DraftMinutes, state: MeetingState): MeetingEvent[] {
  checkInput().instant('at', data.at).done();
  refuseStatus(
    state,
    ['minutes-drafted', 'minutes-approved', 'minutes-published'],
    'minutes-already-drafted',
    'The minutes have already been drafted.',
  );
  requireStatus(
    state,
    ['closed', 'adjourned'],
    'meeting-not-closed',
    'Minutes are drafted once the meeting has closed.',
  );
  return [{ type: 'MinutesDrafted', data: { meetingId: data.meetingId, at: data.at } }];
}

export function approveMinutes({ data }: ApproveMinutes, state: MeetingState): MeetingEvent[] {
  const corrections = data.corrections ?? [];
  checkInput()
    .text('approvedAtMeetingId', data.approvedAtMeetingId)
    .text('decisionId', data.decisionId)
    .that(
      Array.isArray(corrections) && corrections.every((c) => isText(c?.itemId) && isText(c?.text)),
      'corrections',
      'each needs an item and the corrected text',
    )
    .instant('at', data.at)
    .done();
  refuseStatus(
    state,
    ['minutes-approved', 'minutes-published'],
    'minutes-already-approved',
    'The minutes have already been approved.',
  );
  requireStatus(state, ['minutes-drafted'], 'minutes-not-drafted', 'Only drafted minutes can be approved.');
  if (data.approvedAtMeetingId === data.meetingId) {
    throw new RuleBroken(
      'minutes-approved-at-same-meeting',
      'Minutes are approved at a later meeting, not the one they record.',
    );
  }
  corrections.forEach((correction) => requireActiveItem(state, correction.itemId));
  const { meetingId, approvedAtMeetingId, decisionId, at } = data;
  return [{ type: 'MinutesApproved', data: { meetingId, approvedAtMeetingId, decisionId, corrections, at } }];
}

export function publishMinutes({ data }: PublishMinutes, state: MeetingState): MeetingEvent[] {
  checkInput().instant('at', data.at).done();
  refuseStatus(state, ['minutes-published'], 'minutes-already-published', 'The minutes have already been published.');
  requireStatus(state, ['minutes-approved'], 'minutes-not-approved', 'Only approved minutes are published.');
  return [{ type: 'MinutesPublished', data: { meetingId: data.meetingId, at: data.at } }];
}

/** Each of this stage's commands and the rule that decides it. */
export const minutesRules: Rules<MinutesCommand, MeetingEvent, MeetingState> = {
  DraftMinutes: draftMinutes,
  ApproveMinutes: approveMinutes,
  PublishMinutes: publishMinutes,
};
