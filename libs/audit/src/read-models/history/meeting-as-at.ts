import { evolveMeeting, initialMeetingState, type MeetingEvent, type MeetingState } from '#board/contracts';
import type { FoldableEvent } from './decision-as-at.js';

// A meeting as it stood at a moment: its stream folded with the board's own evolve.

export type MeetingAsAt = MeetingState;

export const initialMeetingAsAt = (): MeetingAsAt => initialMeetingState();

export function evolveMeetingAsAt(state: MeetingAsAt, event: FoldableEvent): MeetingAsAt {
  // A type the board's evolve does not know (a newer event) changes nothing shown here.
  return evolveMeeting(state, event as MeetingEvent) ?? state;
}

export function foldMeetingAsAt(events: readonly FoldableEvent[]): MeetingAsAt {
  return events.reduce(evolveMeetingAsAt, initialMeetingAsAt());
}
