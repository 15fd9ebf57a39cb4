import type { ContributionTarget } from './contribution.commands.js';
import type { ContributionEvent } from './contribution.events.js';
import { DEFAULT_SHARING, type Channel, type ContributionStatus, type Sharing } from './contribution.values.js';

export interface ItemRef {
  readonly meetingId: string;
  readonly itemId: string;
}

// The state holds no words (view, answer, question): no rule needs them, and state may be cached.
export interface ContributionState {
  readonly status: ContributionStatus;
  readonly contributionId: string;
  readonly authorPseudonym: string;
  readonly receiptCodeHash: string;
  readonly channel?: Channel;
  readonly target: ContributionTarget;
  readonly sharing: Sharing;
  readonly late: boolean;
  readonly redacted: boolean;
  /** Once escalated, withheld from the board for good, whatever happens next. */
  readonly escalated: boolean;
  /** The latest summary's version (0: none written yet). */
  readonly summaryVersion: number;
  /** What the author said about the latest version, if anything. */
  readonly summaryResponse?: 'agreed' | 'change-requested';
  readonly tabledAt: readonly ItemRef[];
  readonly consideredAt: readonly ItemRef[];
  readonly feedbackIds: readonly string[];
  readonly submittedAt: string;
  /** The status before withdrawal or erasure. */
  readonly previousStatus?: ContributionStatus;
}

export const initialContributionState = (): ContributionState => ({
  status: 'none',
  contributionId: '',
  authorPseudonym: '',
  receiptCodeHash: '',
  target: { kind: 'none' },
  sharing: DEFAULT_SHARING,
  late: false,
  redacted: false,
  escalated: false,
  summaryVersion: 0,
  tabledAt: [],
  consideredAt: [],
  feedbackIds: [],
  submittedAt: '',
});

// The board's path only moves forward: tabling a considered view at another item leaves it considered.
const BOARD_PATH: readonly ContributionStatus[] = ['accepted', 'tabled', 'considered', 'responded', 'closed'];

function advance(current: ContributionStatus, to: ContributionStatus): ContributionStatus {
  return BOARD_PATH.indexOf(current) > BOARD_PATH.indexOf(to) ? current : to;
}

export function evolveContribution(state: ContributionState, event: ContributionEvent): ContributionState {
  switch (event.type) {
    case 'ContributionSubmitted': {
      const { contributionId, authorPseudonym, receiptCodeHash, channel, target, sharing, late, at } = event.data;
      return {
        ...state,
        status: 'submitted',
        contributionId,
        authorPseudonym,
        receiptCodeHash,
        channel,
        target,
        sharing,
        late,
        submittedAt: at,
      };
    }
    case 'ContributionAccepted':
      return { ...state, status: 'accepted' };
    case 'ContributionAcceptedWithRedactions':
      return { ...state, status: 'accepted', redacted: true };
    case 'ContributionSummarised':
      return { ...state, summaryVersion: event.data.version, summaryResponse: undefined };
    case 'ContributionSummaryAgreed':
      return { ...state, summaryResponse: 'agreed' };
    case 'ContributionSummaryChangeRequested':
      return { ...state, summaryResponse: 'change-requested' };
    case 'ContributionDeclined':
      return { ...state, status: 'declined' };
    case 'ContributionQuestionAsked':
      return { ...state, status: 'question-asked' };
    case 'ContributionQuestionAnswered':
      return { ...state, status: 'answered' };
    case 'ContributionEscalatedForSafeguarding':
      // A withdrawn view stays withdrawn for its author; the flag keeps it from the board either way.
      return { ...state, status: state.status === 'withdrawn' ? 'withdrawn' : 'escalated', escalated: true };
    case 'ContributionSharingChanged':
      return { ...state, sharing: event.data.sharing };
    case 'ContributionTabled': {
      const { meetingId, itemId } = event.data;
      return {
        ...state,
        status: advance(state.status, 'tabled'),
        tabledAt: [...state.tabledAt, { meetingId, itemId }],
      };
    }
    case 'ContributionConsidered': {
      const { meetingId, itemId } = event.data;
      return {
        ...state,
        status: advance(state.status, 'considered'),
        consideredAt: [...state.consideredAt, { meetingId, itemId }],
      };
    }
    case 'ContributionFeedbackRecorded':
      return {
        ...state,
        status: advance(state.status, 'responded'),
        feedbackIds: [...state.feedbackIds, event.data.feedbackId],
      };
    case 'ContributionClosed':
      return { ...state, status: 'closed' };
    case 'ContributionWithdrawn':
      return { ...state, status: 'withdrawn', previousStatus: state.status };
    case 'ContributionErased':
      return { ...state, status: 'erased', previousStatus: state.status };
  }
}

export function sameItem(a: ItemRef, b: ItemRef): boolean {
  return a.meetingId === b.meetingId && a.itemId === b.itemId;
}
