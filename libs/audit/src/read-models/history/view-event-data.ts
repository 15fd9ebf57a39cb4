// What an audit may see of a view's event: never words (the view, a redaction, a question, an answer,
// feedback, a withdrawal reason, a summary, a message about it, a note on declining), nothing that
// identifies the young person (pseudonym, receipt, age band, care status). Ids, kinds, times, statuses
// and choices only. An unknown type shows no data.

type Data = Readonly<Record<string, unknown>>;

const pick = (data: Data, keys: readonly string[]): Data =>
  Object.fromEntries(keys.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));

const SAFE_FIELDS: Readonly<Partial<Record<string, (data: Data) => Data>>> = {
  ContributionSubmitted: (d) => ({
    ...pick(d, ['themes', 'channel', 'sharing', 'late']),
    target: targetOf(d.target),
    enteredByStaff: d.submittedBy !== undefined,
  }),
  ContributionAccepted: () => ({ status: 'accepted' }),
  ContributionAcceptedWithRedactions: () => ({ status: 'accepted', redacted: true }),
  // A summary and what its author said of it are words about the child: only that they happened.
  ContributionSummarised: (d) => pick(d, ['version']),
  ContributionSummaryAgreed: (d) => ({ ...pick(d, ['version']), answer: 'agreed' }),
  ContributionSummaryChangeRequested: (d) => ({ ...pick(d, ['version']), answer: 'change-requested' }),
  ContributionDeclined: (d) => ({ status: 'declined', ...pick(d, ['reason']) }),
  ContributionQuestionAsked: () => ({ status: 'question-asked' }),
  ContributionQuestionAnswered: () => ({ status: 'answered' }),
  ContributionSharingChanged: (d) => pick(d, ['sharing', 'previous']),
  ContributionTabled: (d) => ({ status: 'tabled', ...pick(d, ['meetingId', 'itemId']) }),
  ContributionConsidered: (d) => ({ status: 'considered', ...pick(d, ['meetingId', 'itemId']) }),
  ContributionFeedbackRecorded: (d) => ({
    status: 'responded',
    ...pick(d, ['feedbackId', 'decisionIds', 'actionIds']),
  }),
  ContributionClosed: () => ({ status: 'closed' }),
  ContributionWithdrawn: (d) => ({ status: 'withdrawn', ...pick(d, ['previousStatus']) }),
  ContributionErased: (d) => ({ status: 'erased', ...pick(d, ['ground', 'previousStatus']) }),
};

// A target names a call for views or a meeting by id; anything else is reduced to its kind.
function targetOf(target: unknown): Data | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  return pick(target as Data, ['kind', 'callId', 'meetingId', 'itemId']);
}

export function viewEventData(type: string, data: unknown): Data {
  const safe = SAFE_FIELDS[type];
  return safe && typeof data === 'object' && data !== null ? safe(data as Data) : {};
}

/** Events that withhold a view from the board (and from the audit) for good. */
export const WITHHOLDING_EVENT = 'ContributionEscalatedForSafeguarding';
