import { checkInput } from '#kernel';
import type { EraseContribution } from './contribution.commands.js';
import type { ContributionEvent } from './contribution.events.js';
import { requireNotErased } from './contribution.guards.js';
import { contributionSubject } from './contribution.personal-data.js';
import type { ContributionState } from './contribution.state.js';
import { ERASURE_GROUNDS } from './contribution.values.js';

/** On a valid request, from any state but erased: the application then destroys the subject's key. */
export function eraseContribution({ data }: EraseContribution, state: ContributionState): ContributionEvent[] {
  checkInput()
    .text('contributionId', data.contributionId)
    .text('erasedBy', data.erasedBy)
    .oneOf('ground', data.ground, ERASURE_GROUNDS)
    .text('reason', data.reason)
    .instant('at', data.at)
    .done();
  requireNotErased(state);
  const { contributionId, erasedBy, ground, at } = data;
  return [
    {
      type: 'ContributionErased',
      data: {
        contributionId,
        subject: contributionSubject(state.authorPseudonym),
        erasedBy,
        ground,
        reason: data.reason.trim(),
        previousStatus: state.status,
        at,
      },
    },
  ];
}
