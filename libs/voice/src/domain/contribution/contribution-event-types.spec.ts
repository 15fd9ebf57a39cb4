import { CONTRIBUTION_EVENT_TYPES } from './contribution.personal-data.js';

it('lists every contribution event type once (the voice projections subscribe by it)', () => {
  expect([...CONTRIBUTION_EVENT_TYPES].sort()).toEqual(
    [
      'ContributionSubmitted',
      'ContributionAccepted',
      'ContributionAcceptedWithRedactions',
      'ContributionSummarised',
      'ContributionSummaryAgreed',
      'ContributionSummaryChangeRequested',
      'ContributionDeclined',
      'ContributionQuestionAsked',
      'ContributionQuestionAnswered',
      'ContributionEscalatedForSafeguarding',
      'ContributionSharingChanged',
      'ContributionTabled',
      'ContributionConsidered',
      'ContributionFeedbackRecorded',
      'ContributionClosed',
      'ContributionWithdrawn',
      'ContributionErased',
    ].sort(),
  );
});
