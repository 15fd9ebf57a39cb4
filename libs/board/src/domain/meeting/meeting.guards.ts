import { NotFound, RuleBroken } from '#kernel';
import type { AgendaNotice } from '../calendar/agenda-notice.js';
import { findAgendaItem } from './meeting.queries.js';
import type { AgendaItem, MeetingState, MeetingStatus } from './meeting.state.js';

// Details become members of the HTTP problem: `meetingStatus`, since `status` is the problem's HTTP status.

/** Refuses unless the meeting is in one of the allowed stages; an unknown meeting is not found. */
export function requireStatus(
  state: MeetingState,
  allowed: readonly MeetingStatus[],
  code: string,
  message: string,
): void {
  if (state.status === 'unscheduled') throw new NotFound('No such meeting.');
  if (state.status === 'cancelled') throw new RuleBroken('meeting-cancelled', 'The meeting was cancelled.');
  if (!allowed.includes(state.status)) throw new RuleBroken(code, message, { meetingStatus: state.status });
}

/** Refuses if the meeting has reached one of these stages (checked before requireStatus for a sharper reason). */
export function refuseStatus(
  state: MeetingState,
  refused: readonly MeetingStatus[],
  code: string,
  message: string,
): void {
  if (refused.includes(state.status)) throw new RuleBroken(code, message, { meetingStatus: state.status });
}

/** An item on the agenda and not withdrawn. */
export function requireActiveItem(state: MeetingState, itemId: string): AgendaItem {
  const item = findAgendaItem(state, itemId);
  if (!item) throw new RuleBroken('agenda-item-not-found', 'No such item on this meeting’s agenda.', { itemId });
  if (item.withdrawn) {
    throw new RuleBroken('agenda-item-withdrawn', 'This item was withdrawn from the agenda.', { itemId });
  }
  return item;
}

export const BEFORE_OPENING: readonly MeetingStatus[] = ['scheduled', 'agenda-published'];

export function lateAgenda(notice: AgendaNotice): RuleBroken {
  const { latestOn, clearWorkingDays, requiredClearWorkingDays } = notice;
  return new RuleBroken(
    'late-agenda',
    `The agenda needs ${requiredClearWorkingDays} clear working days' notice (publish by ${latestOn}); ` +
      `it would give ${clearWorkingDays}. The chair must record a reason for urgency.`,
    { latestOn, clearWorkingDays, requiredClearWorkingDays },
  );
}
