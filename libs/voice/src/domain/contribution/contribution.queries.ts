import type { ContributionState } from './contribution.state.js';
import type { ContributionStatus } from './contribution.values.js';

/**
 * Restates the board's contract (libs/board/src/domain/decision/voice-evidence.ts, ContributionCitability
 * ['status']): the two unions MUST stay equal. Contexts do not import each other's domain, so the
 * adapter that answers the board's ContributionCitabilityReader is where a mismatch would fail to compile.
 */
export type Citability = 'citable' | 'withdrawn' | 'not-accepted' | 'unknown';

/** Accepted by moderation and on the board's path. Escalation, withdrawal and erasure end this for good. */
const ON_THE_BOARD: readonly ContributionStatus[] = ['accepted', 'tabled', 'considered', 'responded', 'closed'];

/** May a decision cite this view? */
export function citability(state: ContributionState): Citability {
  if (state.status === 'none') return 'unknown';
  // Erasure is taken back as surely as withdrawal: a decision citing it shows the same "later withdrawn".
  if (state.status === 'withdrawn' || state.status === 'erased') return 'withdrawn';
  return isVisibleToBoard(state) ? 'citable' : 'not-accepted';
}

/** May the board, its papers and dashboards show this view (redacted, if moderation redacted it)? */
export function isVisibleToBoard(state: ContributionState): boolean {
  return !state.escalated && ON_THE_BOARD.includes(state.status);
}
