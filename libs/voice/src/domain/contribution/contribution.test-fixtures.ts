// Shared givens for the contribution specs: one anonymous view, given online on a phone in March 2026.
import type {
  AuthorProof,
  ContributionCommand,
  Moderation,
  ScreeningResult,
  SubmitContribution,
} from './contribution.commands.js';
import type { ContributionEvent, ContributionSubmitted } from './contribution.events.js';

export const ID = 'view-1';
export const PSEUDONYM = 'yp-4c1e9a';
export const CODE_HASH = 'sha256:9f2c…receipt';
export const AT = '2026-03-10T16:45:00Z';
export const LATER = '2026-03-12T10:00:00Z';
export const TEXT = 'I had four social workers last year and had to tell my story every time.';
export const BY_CODE: AuthorProof = { receiptCodeHash: CODE_HASH };
export const NOT_FLAGGED: ScreeningResult = { flagged: false, matchedCategories: [] };

type CommandOf<T extends ContributionCommand['type']> = Extract<ContributionCommand, { type: T }>;
type EventOf<T extends ContributionEvent['type']> = Extract<ContributionEvent, { type: T }>;

/** A command for the fixture view; contributionId and at are filled in unless given. */
export function command<T extends ContributionCommand['type']>(
  type: T,
  data: Omit<CommandOf<T>['data'], 'contributionId' | 'at'> & { at?: string; contributionId?: string },
): CommandOf<T> {
  return { type, data: { contributionId: ID, at: LATER, ...data } } as unknown as CommandOf<T>;
}

export function event<T extends ContributionEvent['type']>(
  type: T,
  data: Omit<EventOf<T>['data'], 'contributionId' | 'at'> & { at?: string; contributionId?: string },
): EventOf<T> {
  return { type, data: { contributionId: ID, at: LATER, ...data } } as unknown as EventOf<T>;
}

export const submit = (overrides: Partial<SubmitContribution['data']> = {}): SubmitContribution => ({
  type: 'SubmitContribution',
  data: {
    contributionId: ID,
    text: TEXT,
    themes: ['changes-of-social-worker'],
    channel: 'online',
    receiptCodeHash: CODE_HASH,
    authorPseudonym: PSEUDONYM,
    at: AT,
    facts: { screening: NOT_FLAGGED },
    ...overrides,
  },
});

/** The event a default submission decides, with whatever the overrides change. */
export const submitted = (overrides: Partial<ContributionSubmitted['data']> = {}): ContributionSubmitted => ({
  type: 'ContributionSubmitted',
  data: {
    contributionId: ID,
    authorPseudonym: PSEUDONYM,
    text: TEXT,
    themes: ['changes-of-social-worker'],
    target: { kind: 'none' },
    channel: 'online',
    sharing: 'summary-only',
    receiptCodeHash: CODE_HASH,
    late: false,
    at: AT,
    ...overrides,
  },
});

export const moderate = (moderation: Moderation, at = LATER) => command('ModerateContribution', { moderation, at });

export const ACCEPTED = event('ContributionAccepted', {});
export const REDACTED = event('ContributionAcceptedWithRedactions', {
  authorPseudonym: PSEUDONYM,
  text: 'I had [removed] social workers last year and had to tell my story every time.',
});
export const SUMMARY = 'Changing social worker often means telling their story again.';
/** The view is shared "summary only" (the default): the board reads this, so it can be tabled and cited. */
export const SUMMARISED = event('ContributionSummarised', { authorPseudonym: PSEUDONYM, version: 1, text: SUMMARY });
export const DECLINED = event('ContributionDeclined', {
  authorPseudonym: PSEUDONYM,
  reason: 'repeat',
  note: 'You sent us the same view last week. We still have it.',
});
export const ASKED = event('ContributionQuestionAsked', {
  authorPseudonym: PSEUDONYM,
  question: 'Which part of telling your story again was hardest?',
});
export const ANSWERED = event('ContributionQuestionAnswered', {
  authorPseudonym: PSEUDONYM,
  text: 'Explaining why I moved school.',
});
export const ESCALATED_BY_SCREEN = event('ContributionEscalatedForSafeguarding', {
  authorPseudonym: PSEUDONYM,
  reason: 'screen',
  categories: ['self-harm'],
  previousStatus: 'submitted',
  at: AT,
});
export const TABLED = event('ContributionTabled', { meetingId: 'meeting-2026-04', itemId: 'voice-of-the-child' });
export const CONSIDERED = event('ContributionConsidered', {
  meetingId: 'meeting-2026-04',
  itemId: 'voice-of-the-child',
});
export const RESPONDED = event('ContributionFeedbackRecorded', {
  feedbackId: 'feedback-1',
  text: 'You told us changing social worker means telling your story again. We now hand over in person.',
  decisionIds: ['decision-7'],
  actionIds: ['action-3'],
  readingAge: { estimated: 10, limit: 11 },
});
export const CLOSED = event('ContributionClosed', {});
export const WITHDRAWN = event('ContributionWithdrawn', {
  authorPseudonym: PSEUDONYM,
  previousStatus: 'submitted',
  escalated: false,
});

/** A history reaching each status. */
export const HISTORIES = {
  submitted: [submitted()],
  'question-asked': [submitted(), ASKED],
  answered: [submitted(), ASKED, ANSWERED],
  accepted: [submitted(), ACCEPTED, SUMMARISED],
  'accepted-with-redactions': [submitted(), REDACTED, SUMMARISED],
  escalated: [submitted(), ESCALATED_BY_SCREEN],
  declined: [submitted(), DECLINED],
  tabled: [submitted(), ACCEPTED, SUMMARISED, TABLED],
  considered: [submitted(), ACCEPTED, SUMMARISED, TABLED, CONSIDERED],
  responded: [submitted(), ACCEPTED, SUMMARISED, TABLED, CONSIDERED, RESPONDED],
  closed: [submitted(), ACCEPTED, SUMMARISED, TABLED, CONSIDERED, RESPONDED, CLOSED],
} satisfies Record<string, readonly ContributionEvent[]>;

export type HistoryName = keyof typeof HISTORIES;
export const HISTORY_NAMES = Object.keys(HISTORIES) as HistoryName[];
