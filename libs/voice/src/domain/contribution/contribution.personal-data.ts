import type { ContributionEvent } from './contribution.events.js';

/** The key subject that seals an author's words and details; erasure destroys it. */
export const contributionSubject = (authorPseudonym: string): string => `yp:${authorPseudonym}`;

/**
 * Which fields of each contribution event are personal data, to seal under contributionSubject(
 * data.authorPseudonym). Every event listed with fields carries authorPseudonym. Typed over every event,
 * so a new event type cannot be added without deciding. The application wraps this as its
 * PersonalDataPolicy (libs/event-store personal-data-policy.ts).
 * - the young person's words: the view, the redacted view, their answer, their reason for withdrawing,
 *   their message about a summary;
 * - the moderator's summary of the view and note on declining it: they are about this child and may
 *   quote them;
 * - the moderator's question and escalation note, and the screen's categories: they are about this child
 *   and may quote them;
 * - the receipt code's hash (erasure makes the code useless), age band and care status (with the words,
 *   they could single a child out).
 */
export const CONTRIBUTION_PERSONAL_FIELDS: { readonly [T in ContributionEvent['type']]: readonly string[] } = {
  ContributionSubmitted: ['text', 'receiptCodeHash', 'ageBand', 'careStatus'],
  ContributionAccepted: [],
  ContributionAcceptedWithRedactions: ['text'],
  ContributionSummarised: ['text'],
  ContributionSummaryAgreed: ['message'],
  ContributionSummaryChangeRequested: ['message'],
  ContributionDeclined: ['note'],
  ContributionQuestionAsked: ['question'],
  ContributionQuestionAnswered: ['text'],
  ContributionEscalatedForSafeguarding: ['categories', 'note'],
  ContributionSharingChanged: [],
  ContributionTabled: [],
  ContributionConsidered: [],
  // The board's answer is public ("You said, we did"), written for every author it answers.
  ContributionFeedbackRecorded: [],
  ContributionClosed: [],
  ContributionWithdrawn: ['reason'],
  // Kept readable after erasure: the record that, why and by whom it was erased.
  ContributionErased: [],
};

/** Every contribution event type (exhaustive: the record above is typed over them all). */
export const CONTRIBUTION_EVENT_TYPES = Object.keys(CONTRIBUTION_PERSONAL_FIELDS) as ReadonlyArray<
  ContributionEvent['type']
>;
