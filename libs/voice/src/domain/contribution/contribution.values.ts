// The closed vocabularies of a contribution. Lists are ordered as a form should offer them.

/** Counted in characters a reader sees (code points), after trimming. */
export const CONTRIBUTION_TEXT_MAX_CHARS = 5000;

export const CHANNELS = ['online', 'cicc-session', 'survey', 'advocate', 'worker'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Someone else typed the view in for the young person: who it was must be recorded. */
export const ON_BEHALF_CHANNELS: readonly Channel[] = ['advocate', 'worker'];

export const AGE_BANDS = ['8-11', '12-15', '16-17', '18-21', '22-25'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const CARE_STATUSES = ['in-care', 'care-leaver'] as const;
export type CareStatus = (typeof CARE_STATUSES)[number];

/** Most private first; the first is the default, so nothing nudges a young person towards sharing more. */
export const SHARING_CHOICES = ['summary-only', 'anonymised', 'verbatim'] as const;
export type Sharing = (typeof SHARING_CHOICES)[number];
export const DEFAULT_SHARING: Sharing = SHARING_CHOICES[0];

/** A summary is short: a few sentences the board reads instead of the words. */
export const SUMMARY_MAX_CHARS = 2000;

/** What the author may say about a summary of their view, and how long their message may be. */
export const SUMMARY_RESPONSES = ['agree', 'change'] as const;
export type SummaryResponse = (typeof SUMMARY_RESPONSES)[number];
export const SUMMARY_MESSAGE_MAX_CHARS = 1000;

/**
 * Why a moderator declines a view. The young person reads the reason (with the moderator's note) by
 * code; a declined view never reaches the board or the public page.
 */
export const DECLINE_REASONS = ['spam', 'abuse', 'off-topic', 'repeat'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const DECLINE_NOTE_MAX_CHARS = 1000;

/** The grounds for erasure in UK GDPR Article 17(1)(a) to (f), in that order. */
export const ERASURE_GROUNDS = [
  'no-longer-necessary',
  'consent-withdrawn',
  'objection',
  'unlawfully-processed',
  'legal-obligation',
  'collected-from-a-child-online',
] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];

/**
 * Where a view stands. 'question-asked': waiting for the author; 'answered': back in the moderator's
 * queue; 'escalated': withheld from the board for good; 'declined' by a moderator (never reaches the
 * board); 'withdrawn' by its author; 'erased' (terminal).
 */
export const CONTRIBUTION_STATUSES = [
  'none',
  'submitted',
  'question-asked',
  'answered',
  'accepted',
  'escalated',
  'declined',
  'tabled',
  'considered',
  'responded',
  'closed',
  'withdrawn',
  'erased',
] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
