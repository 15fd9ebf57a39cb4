import type { AgendaItemPurpose } from '../meeting/meeting.commands.js';
import { findAgendaItem } from '../meeting/meeting.queries.js';
import type { MeetingState } from '../meeting/meeting.state.js';
import type { DecisionState } from './decision.state.js';

/** What a decision needs to know about the meeting and item it is recorded at. */
export interface MeetingFactsForDecision {
  readonly meetingId: string;
  /** When the meeting is scheduled to start: nothing is decided before its (London) day. */
  readonly startsAt: string;
  readonly inProgress: boolean;
  readonly quorate: boolean;
  readonly presentCount: number;
  readonly item?: { readonly itemId: string; readonly purpose: AgendaItemPurpose; readonly withdrawn: boolean };
  /** Members who declared an interest in this item. */
  readonly declaredInterests: readonly string[];
  /** The board's vocabulary for tags, as recorded on the meeting. */
  readonly themes: readonly string[];
  readonly principles: readonly string[];
}

export function meetingFactsForDecision(meeting: MeetingState, itemId: string): MeetingFactsForDecision {
  const item = findAgendaItem(meeting, itemId);
  return {
    meetingId: meeting.meetingId,
    startsAt: meeting.startsAt,
    inProgress: meeting.status === 'in-progress',
    quorate: meeting.quorate,
    presentCount: meeting.presentCount,
    item: item && { itemId: item.itemId, purpose: item.purpose, withdrawn: item.withdrawn },
    declaredInterests: meeting.interests.filter((i) => i.itemId === itemId).map((i) => i.memberId),
    themes: meeting.themes,
    principles: meeting.principles,
  };
}

/** What an amending decision needs to know about the one it changes, and an action about the decision assigning it. */
export interface DecisionFacts {
  readonly decisionId: string;
  readonly status: 'not-found' | 'recorded' | 'superseded';
  readonly meetingId?: string;
  readonly recordedAt?: string;
}

export function decisionFacts(decisionId: string, earlier: DecisionState): DecisionFacts {
  if (earlier.status === 'none') return { decisionId, status: 'not-found' };
  return { decisionId, status: earlier.status, meetingId: earlier.meetingId, recordedAt: earlier.recordedAt };
}

/** What the original decision's stream needs to know about the decision amending or superseding it. */
export interface LaterDecisionFacts {
  readonly decisionId: string;
  readonly meetingId: string;
  readonly recordedAt: string;
}
