import type { DomainCommand } from '#kernel';
import type { CallForViewsFacts } from '../call-for-views/call-for-views.queries.js';
import type {
  AgeBand,
  CareStatus,
  Channel,
  DeclineReason,
  ErasureGround,
  Sharing,
  SummaryResponse,
} from './contribution.values.js';

/** What a view is about: nothing in particular, an open call for views, a meeting, or one agenda item. */
export type ContributionTarget =
  | { readonly kind: 'none' }
  | { readonly kind: 'call'; readonly callId: string }
  | { readonly kind: 'meeting'; readonly meetingId: string }
  | { readonly kind: 'agenda-item'; readonly meetingId: string; readonly itemId: string };

/** The safeguarding screen's verdict on a young person's words, computed outside the decider. */
export interface ScreeningResult {
  readonly flagged: boolean;
  readonly matchedCategories: readonly string[];
}

/**
 * How the author shows it is them: the hash of their receipt code (anonymous), or their pseudonym
 * (when a named account is linked to it). The handler resolves the view from the code; the decider
 * checks again.
 */
export type AuthorProof =
  | { readonly receiptCodeHash: string; readonly authorPseudonym?: undefined }
  | { readonly authorPseudonym: string; readonly receiptCodeHash?: undefined };

export interface SubmitContributionFacts {
  readonly screening: ScreeningResult;
  /** Required when the target is a call for views: see callForViewsFacts. */
  readonly call?: CallForViewsFacts;
}

export type SubmitContribution = DomainCommand<
  'SubmitContribution',
  {
    readonly contributionId: string;
    /** The young person's words: 1 to 5,000 characters once trimmed. */
    readonly text: string;
    readonly themes?: readonly string[];
    /** Defaults to { kind: 'none' }. */
    readonly target?: ContributionTarget;
    readonly channel: Channel;
    /** Staff id of the advocate or worker who submitted on the young person's behalf. */
    readonly submittedBy?: string;
    readonly ageBand?: AgeBand;
    readonly careStatus?: CareStatus;
    /** Defaults to the most private choice, 'summary-only'. */
    readonly sharing?: Sharing;
    /** The hash only: the plaintext code is made, shown once and forgotten outside the domain. */
    readonly receiptCodeHash: string;
    /** A random id for the author, never a name; the subject of the key that seals their words. */
    readonly authorPseudonym: string;
    readonly at: string;
    readonly facts: SubmitContributionFacts;
  }
>;

/**
 * `summary`, on acceptance: the summary the board reads for a view shared "summary only", written in the
 * same step (a view shared that way cannot be tabled or cited until it has one; see SummariseContribution).
 */
export type Moderation =
  | { readonly outcome: 'accept'; readonly summary?: string }
  /** The board sees the redacted text; the original stays, sealed. */
  | { readonly outcome: 'accept-with-redactions'; readonly redactedText: string; readonly summary?: string }
  /** The author sees the question when they come back with their code. */
  | { readonly outcome: 'ask-question'; readonly question: string }
  | { readonly outcome: 'escalate'; readonly reason: string; readonly categories?: readonly string[] }
  /** Spam, abuse, off topic or a repeat: never reaches the board; the author reads the reason and note by code. */
  | { readonly outcome: 'decline'; readonly reason: DeclineReason; readonly note: string };

export type ModerateContribution = DomainCommand<
  'ModerateContribution',
  { readonly contributionId: string; readonly moderation: Moderation; readonly at: string }
>;

/** A moderator writes (or rewrites) the summary the board reads: each version is kept, none replaced silently. */
export type SummariseContribution = DomainCommand<
  'SummariseContribution',
  { readonly contributionId: string; readonly text: string; readonly at: string }
>;

/**
 * The author, by their code, agrees with a summary of their view or asks for it to be changed, naming
 * the version they read (a rewrite since is refused, so an answer never lands on words they did not see).
 */
export type RespondToSummary = DomainCommand<
  'RespondToSummary',
  {
    readonly contributionId: string;
    readonly author: AuthorProof;
    readonly version: number;
    readonly response: SummaryResponse;
    /** Their own words, optional: what to change, or anything else they want to say. */
    readonly message?: string;
    readonly at: string;
  }
>;

export type AnswerQuestion = DomainCommand<
  'AnswerQuestion',
  {
    readonly contributionId: string;
    readonly author: AuthorProof;
    readonly text: string;
    readonly at: string;
    /** The answer is a young person's words too, screened like the view. */
    readonly facts: { readonly screening: ScreeningResult };
  }
>;

export type ChangeSharing = DomainCommand<
  'ChangeSharing',
  { readonly contributionId: string; readonly author: AuthorProof; readonly sharing: Sharing; readonly at: string }
>;

export type TableContribution = DomainCommand<
  'TableContribution',
  { readonly contributionId: string; readonly meetingId: string; readonly itemId: string; readonly at: string }
>;

export type MarkConsidered = DomainCommand<
  'MarkConsidered',
  { readonly contributionId: string; readonly meetingId: string; readonly itemId: string; readonly at: string }
>;

/**
 * One response per view; a group response is the same feedbackId recorded on each view it answers. A
 * later response is another feedbackId: added beside the earlier ones, never replacing them.
 */
export type RecordFeedback = DomainCommand<
  'RecordFeedback',
  {
    readonly contributionId: string;
    readonly feedbackId: string;
    /** Plain words for a young reader: refused above the board's reading-age limit unless readingAgeReason says why. */
    readonly text: string;
    readonly decisionIds: readonly string[];
    readonly actionIds: readonly string[];
    /** Why this answer must go as it is although it reads above the board's limit (kept in the event). */
    readonly readingAgeReason?: string;
    readonly at: string;
    /** The board's reading-age limit, from its voice settings when sent; ANSWER_READING_AGE.default without. */
    readonly facts?: { readonly readingAgeLimit: number };
  }
>;

export type CloseContribution = DomainCommand<
  'CloseContribution',
  { readonly contributionId: string; readonly at: string }
>;

export type WithdrawContribution = DomainCommand<
  'WithdrawContribution',
  { readonly contributionId: string; readonly author: AuthorProof; readonly reason?: string; readonly at: string }
>;

/** Erasure on a valid request, decided by staff, who record the legal ground and why. */
export type EraseContribution = DomainCommand<
  'EraseContribution',
  {
    readonly contributionId: string;
    /** Staff id of whoever granted the request. */
    readonly erasedBy: string;
    readonly ground: ErasureGround;
    /** Kept for audit after erasure: must not contain personal data. */
    readonly reason: string;
    readonly at: string;
  }
>;

export type ContributionCommand =
  | SubmitContribution
  | ModerateContribution
  | SummariseContribution
  | RespondToSummary
  | AnswerQuestion
  | ChangeSharing
  | TableContribution
  | MarkConsidered
  | RecordFeedback
  | CloseContribution
  | WithdrawContribution
  | EraseContribution;
