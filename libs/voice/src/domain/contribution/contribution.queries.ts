import type { ContributionState } from './contribution.state.js';
import type { ContributionStatus } from './contribution.values.js';

/**
 * Restates the board's contract (libs/board/src/domain/decision/voice-evidence.ts, ContributionCitability
 * ['status']): the two unions MUST stay equal. Contexts do not import each other's domain, so the
 * adapter that answers the board's ContributionCitabilityReader is where a mismatch would fail to compile.
 */
export type Citability = 'citable' | 'withdrawn' | 'not-accepted' | 'needs-summary' | 'unknown';

/** Accepted by moderation and on the board's path. Escalation, withdrawal and erasure end this for good. */
const ON_THE_BOARD: readonly ContributionStatus[] = ['accepted', 'tabled', 'considered', 'responded', 'closed'];

/**
 * Where a view stands for the board: the one vocabulary a view's status is read in, by every context
 * (published in #voice/contracts; the insight and audit routes, now and "as at", answer in it, and the
 * board's question below is answered from it). 'available': accepted, and the board can read it (its
 * words, or its current summary); 'needs-summary': accepted, shared as a summary only, and no current
 * summary yet; 'not-yet-accepted': waiting for moderation or its author's answer; 'declined' by a
 * moderator; 'withheld' for safeguarding; 'withdrawn' by its author; 'erased' at their request;
 * 'unknown': no record on this board. Erasure outranks withdrawal, which outranks withholding.
 */
export const VIEW_STANDINGS = [
  'not-yet-accepted',
  'needs-summary',
  'available',
  'declined',
  'withheld',
  'withdrawn',
  'erased',
  'unknown',
] as const;
export type ViewStanding = (typeof VIEW_STANDINGS)[number];

/** Where this view stands now. */
export function standingOf(state: ContributionState): ViewStanding {
  if (state.status === 'none') return 'unknown';
  if (state.status === 'erased' || state.status === 'withdrawn') return state.status;
  if (state.escalated) return 'withheld';
  if (state.status === 'declined') return 'declined';
  if (!ON_THE_BOARD.includes(state.status)) return 'not-yet-accepted';
  // Shared as a summary only, the board can read nothing of it until a moderator has summarised it.
  return needsSummary(state) ? 'needs-summary' : 'available';
}

/** The board's question, "may a decision cite this view now?", answered from where it stands. */
export function citabilityOf(standing: ViewStanding): Citability {
  switch (standing) {
    case 'available':
      return 'citable';
    case 'needs-summary':
    case 'unknown':
      return standing;
    // Erasure is taken back as surely as withdrawal: a decision citing it shows the same "later withdrawn".
    case 'withdrawn':
    case 'erased':
      return 'withdrawn';
    case 'not-yet-accepted':
    case 'declined':
    case 'withheld':
      return 'not-accepted';
  }
}

/** May a decision cite this view? */
export function citability(state: ContributionState): Citability {
  return citabilityOf(standingOf(state));
}

/** A summary is current once written, until its author asks for a change (then until it is rewritten). */
export function hasCurrentSummary(state: Pick<ContributionState, 'summaryVersion' | 'summaryResponse'>): boolean {
  return state.summaryVersion > 0 && state.summaryResponse !== 'change-requested';
}

/** Shared as a summary only, without a current summary: the board cannot table or cite it yet. */
export function needsSummary(
  state: Pick<ContributionState, 'sharing' | 'summaryVersion' | 'summaryResponse'>,
): boolean {
  return state.sharing === 'summary-only' && !hasCurrentSummary(state);
}

/** May the board, its papers and dashboards show this view (redacted, if moderation redacted it)? */
export function isVisibleToBoard(state: ContributionState): boolean {
  return !state.escalated && ON_THE_BOARD.includes(state.status);
}
