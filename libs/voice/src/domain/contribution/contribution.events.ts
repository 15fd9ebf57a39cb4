import type { DomainEvent } from '#kernel';
import type { ContributionTarget } from './contribution.commands.js';
import type {
  AgeBand,
  CareStatus,
  Channel,
  ContributionStatus,
  DeclineReason,
  ErasureGround,
  Sharing,
} from './contribution.values.js';

// A young person's words travel only in fields named `text` (the view, a redacted version, an answer,
// a moderator's summary of them) or `message` (what they say about a summary), and every event that
// carries their words or details also carries `authorPseudonym`, so the personal-data policy can seal
// them under `yp:<authorPseudonym>` (see contribution.personal-data.ts).

export const contributionStream = (contributionId: string): string => `contribution-${contributionId}`;

export type ContributionSubmitted = DomainEvent<
  'ContributionSubmitted',
  {
    readonly contributionId: string;
    readonly authorPseudonym: string;
    /** Trimmed. */
    readonly text: string;
    readonly themes: readonly string[];
    readonly target: ContributionTarget;
    readonly channel: Channel;
    /** On whose behalf: the staff id of the advocate or worker who typed it in. */
    readonly submittedBy?: string;
    readonly ageBand?: AgeBand;
    readonly careStatus?: CareStatus;
    readonly sharing: Sharing;
    readonly receiptCodeHash: string;
    /** Given after its call for views closed: still accepted, only marked. False without a call. */
    readonly late: boolean;
    readonly at: string;
  }
>;

export type ContributionAccepted = DomainEvent<
  'ContributionAccepted',
  { readonly contributionId: string; readonly at: string }
>;

/** `text` is the redacted version the board sees; the original stays in ContributionSubmitted. */
export type ContributionAcceptedWithRedactions = DomainEvent<
  'ContributionAcceptedWithRedactions',
  { readonly contributionId: string; readonly authorPseudonym: string; readonly text: string; readonly at: string }
>;

/**
 * A moderator's summary of the view: what the board reads when its author shares a summary only. Each
 * rewrite is a new version (1, 2, ...); earlier versions stay in the log. The summary is about the young
 * person and may quote them: `text`, sealed like their words.
 */
export type ContributionSummarised = DomainEvent<
  'ContributionSummarised',
  {
    readonly contributionId: string;
    readonly authorPseudonym: string;
    readonly version: number;
    readonly text: string;
    readonly at: string;
  }
>;

/** The author agrees with this version of the summary; `message`, their own words, sealed. */
export type ContributionSummaryAgreed = DomainEvent<
  'ContributionSummaryAgreed',
  {
    readonly contributionId: string;
    readonly authorPseudonym: string;
    readonly version: number;
    readonly message?: string;
    readonly at: string;
  }
>;

/**
 * The author asks for this version to be changed: until a moderator writes a new one, the view has no
 * current summary (it cannot be tabled or cited while shared as a summary only).
 */
export type ContributionSummaryChangeRequested = DomainEvent<
  'ContributionSummaryChangeRequested',
  {
    readonly contributionId: string;
    readonly authorPseudonym: string;
    readonly version: number;
    readonly message?: string;
    readonly at: string;
  }
>;

/**
 * A moderator declines the view (spam, abuse, off topic, a repeat): it never reaches the board or the
 * public page. `note` is what its author reads by code, in plain words; it is about them, so sealed.
 */
export type ContributionDeclined = DomainEvent<
  'ContributionDeclined',
  {
    readonly contributionId: string;
    readonly authorPseudonym: string;
    readonly reason: DeclineReason;
    readonly note: string;
    readonly at: string;
  }
>;

export type ContributionQuestionAsked = DomainEvent<
  'ContributionQuestionAsked',
  { readonly contributionId: string; readonly authorPseudonym: string; readonly question: string; readonly at: string }
>;

export type ContributionQuestionAnswered = DomainEvent<
  'ContributionQuestionAnswered',
  { readonly contributionId: string; readonly authorPseudonym: string; readonly text: string; readonly at: string }
>;

/**
 * The view goes to the safeguarding queue and never to the board: read models show only that one view
 * was withheld. `reason` says who raised it: the screen (with the categories matched) or a moderator
 * (with their note). `previousStatus` tells board projections whether they had already shown it.
 */
export type ContributionEscalatedForSafeguarding = DomainEvent<
  'ContributionEscalatedForSafeguarding',
  {
    readonly contributionId: string;
    readonly authorPseudonym: string;
    readonly reason: 'screen' | 'moderator';
    readonly categories: readonly string[];
    readonly note?: string;
    readonly previousStatus: ContributionStatus;
    readonly at: string;
  }
>;

export type ContributionSharingChanged = DomainEvent<
  'ContributionSharingChanged',
  { readonly contributionId: string; readonly sharing: Sharing; readonly previous: Sharing; readonly at: string }
>;

export type ContributionTabled = DomainEvent<
  'ContributionTabled',
  { readonly contributionId: string; readonly meetingId: string; readonly itemId: string; readonly at: string }
>;

export type ContributionConsidered = DomainEvent<
  'ContributionConsidered',
  { readonly contributionId: string; readonly meetingId: string; readonly itemId: string; readonly at: string }
>;

/** How readable an answer was when sent: its estimated reading age, the board's limit, and why it went above. */
export interface AnswerReadingAge {
  /** UK reading age (see estimateReadingAge); null for a text with no words to measure. */
  readonly estimated: number | null;
  readonly limit: number;
  /** The sender's reason, present only when the estimate was above the limit. */
  readonly reason?: string;
}

/**
 * An answer to the view ("we did"). Each answer is its own event: a later one is added beside the
 * earlier (the young person sees the latest, with the history), never replacing it.
 */
export type ContributionFeedbackRecorded = DomainEvent<
  'ContributionFeedbackRecorded',
  {
    readonly contributionId: string;
    readonly feedbackId: string;
    readonly text: string;
    readonly decisionIds: readonly string[];
    readonly actionIds: readonly string[];
    /** Absent on answers recorded before the reading-age check. */
    readonly readingAge?: AnswerReadingAge;
    readonly at: string;
  }
>;

export type ContributionClosed = DomainEvent<
  'ContributionClosed',
  { readonly contributionId: string; readonly at: string }
>;

/**
 * The view leaves every board view and future paper. Decisions that already cited it keep the citation,
 * shown as "a view later withdrawn by its author" without its words: projections join on contributionId.
 * `escalated`: a safeguarding concern outlives the withdrawal (the duty to act does not end).
 */
export type ContributionWithdrawn = DomainEvent<
  'ContributionWithdrawn',
  {
    readonly contributionId: string;
    readonly authorPseudonym: string;
    /** The author's own words, sealed like the view. */
    readonly reason?: string;
    readonly previousStatus: ContributionStatus;
    readonly escalated: boolean;
    readonly at: string;
  }
>;

/**
 * The application destroys the subject's key (so every sealed field becomes unreadable, while the hash
 * chain still verifies); projections scrub their rows for this view and show "erased".
 */
export type ContributionErased = DomainEvent<
  'ContributionErased',
  {
    readonly contributionId: string;
    /** `yp:<authorPseudonym>`: the key to destroy. */
    readonly subject: string;
    readonly erasedBy: string;
    readonly ground: ErasureGround;
    readonly reason: string;
    readonly previousStatus: ContributionStatus;
    readonly at: string;
  }
>;

export type ContributionEvent =
  | ContributionSubmitted
  | ContributionAccepted
  | ContributionAcceptedWithRedactions
  | ContributionSummarised
  | ContributionSummaryAgreed
  | ContributionSummaryChangeRequested
  | ContributionDeclined
  | ContributionQuestionAsked
  | ContributionQuestionAnswered
  | ContributionEscalatedForSafeguarding
  | ContributionSharingChanged
  | ContributionTabled
  | ContributionConsidered
  | ContributionFeedbackRecorded
  | ContributionClosed
  | ContributionWithdrawn
  | ContributionErased;
