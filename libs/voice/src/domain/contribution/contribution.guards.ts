import { Forbidden, NotFound, RuleBroken } from '#kernel';
import type { AuthorProof } from './contribution.commands.js';
import type { ContributionState } from './contribution.state.js';
import type { ContributionStatus } from './contribution.values.js';

// Details become members of the HTTP problem: `contributionStatus`, since `status` is the problem's HTTP status.

/** A view that exists and has not been erased (erasure is terminal). */
export function requireNotErased(state: ContributionState): void {
  if (state.status === 'none') throw new NotFound('No such contribution.');
  if (state.status === 'erased') throw new RuleBroken('contribution-erased', 'This contribution was erased.');
}

/** Neither erased nor withdrawn by its author. */
export function requireLive(state: ContributionState): void {
  requireNotErased(state);
  if (state.status === 'withdrawn') {
    throw new RuleBroken('contribution-withdrawn', 'Its author withdrew this contribution.');
  }
}

/** A view escalated for safeguarding is withheld from the board for good. */
export function refuseEscalated(state: ContributionState): void {
  if (state.escalated) {
    throw new RuleBroken(
      'contribution-escalated',
      'This contribution was escalated for safeguarding and is withheld from the board.',
    );
  }
}

/** A view a moderator declined never reaches the board or the public page. */
export function refuseDeclined(state: ContributionState): void {
  if (state.status === 'declined') {
    throw new RuleBroken(
      'contribution-declined',
      'A moderator declined this contribution: it does not go to the board.',
    );
  }
}

export function requireStatus(
  state: ContributionState,
  allowed: readonly ContributionStatus[],
  code: string,
  message: string,
): void {
  if (!allowed.includes(state.status)) throw new RuleBroken(code, message, { contributionStatus: state.status });
}

/** Only the author, by their receipt code's hash or their pseudonym, may act as the author. */
export function requireAuthor(state: ContributionState, proof: AuthorProof | undefined): void {
  const byCode = proof?.receiptCodeHash !== undefined && proof.receiptCodeHash === state.receiptCodeHash;
  const byPseudonym = proof?.authorPseudonym !== undefined && proof.authorPseudonym === state.authorPseudonym;
  if (!byCode && !byPseudonym) throw new Forbidden('Only the author of this contribution may do this.');
}
