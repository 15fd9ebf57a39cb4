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

/** May a decision cite this view? */
export function citability(state: ContributionState): Citability {
  if (state.status === 'none') return 'unknown';
  // Erasure is taken back as surely as withdrawal: a decision citing it shows the same "later withdrawn".
  if (state.status === 'withdrawn' || state.status === 'erased') return 'withdrawn';
  if (!isVisibleToBoard(state)) return 'not-accepted';
  // Shared as a summary only, the board can read nothing of it until a moderator has summarised it.
  return needsSummary(state) ? 'needs-summary' : 'citable';
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
