import {
  InvalidInput,
  NotFound,
  RuleBroken,
  checkInput,
  isText,
  type DomainCommand,
  type InputCheck,
  type Rules,
} from '#kernel';
import { requireKnownTags } from '../tags.js';
import type { RecordDecisionFacts } from './decision.commands.js';
import { DECISION_KINDS, type DecisionContent, type HowReached } from './decision.content.js';
import type { DecisionEvent, DecisionRecorded } from './decision.events.js';
import type { DecisionFacts, MeetingFactsForDecision } from './decision.facts.js';
import type { DecisionState } from './decision.state.js';
import { checkNotTabledReasons, requireTabledOrExplained } from './tabled-views.rules.js';
import { checkVoiceEvidence, requireCitable } from './voice-evidence.rules.js';
import { requireMeetingDay } from '../meeting/meeting-day.rules.js';

export type RecordDecision = DomainCommand<
  'RecordDecision',
  DecisionContent & { readonly decisionId: string; readonly at: string; readonly facts: RecordDecisionFacts }
>;

export function recordDecision({ data }: RecordDecision, state: DecisionState): DecisionEvent[] {
  checkShape(data);
  const { facts } = data;
  if (state.status !== 'none') {
    throw new RuleBroken('decision-already-recorded', 'This decision has already been recorded.');
  }
  requireMeetingCanDecide(facts.meeting, data.itemId, data.kind, data.at);
  requireVotesAddUp(data.reached, data.kind, facts.meeting.presentCount);
  const undeclared = data.interestsDeclared.filter((id) => !facts.meeting.declaredInterests.includes(id));
  if (undeclared.length > 0) {
    throw new RuleBroken(
      'interest-not-declared',
      'Interests listed on a decision must have been declared at the meeting.',
      { memberIds: undeclared },
    );
  }
  requireKnownTags('theme', data.themes, facts.meeting.themes);
  requireKnownTags('principle', data.principles, facts.meeting.principles);
  requireCitable(data.voiceEvidence, facts.contributions);
  requireTabledOrExplained(data.voiceEvidence, facts.contributions);
  const earlierId = data.amends?.decisionId ?? data.supersedes?.decisionId;
  if (earlierId !== undefined) requireChangeable(earlierId, facts.earlier, data.meetingId);
  return [{ type: 'DecisionRecorded', data: recordedContent(data) }];
}

// Only the decision's own fields go on record: the handler's facts, or anything extra, stay out.
function recordedContent(data: RecordDecision['data']): DecisionRecorded['data'] {
  return {
    decisionId: data.decisionId,
    meetingId: data.meetingId,
    itemId: data.itemId,
    resolution: data.resolution,
    kind: data.kind,
    recommendedTo: data.recommendedTo,
    reached: data.reached,
    reasons: data.reasons,
    alternativesRejected: data.alternativesRejected,
    interestsDeclared: data.interestsDeclared,
    themes: data.themes,
    principles: data.principles,
    voiceEvidence: data.voiceEvidence,
    amends: data.amends,
    supersedes: data.supersedes,
    at: data.at,
  };
}

function checkShape(data: RecordDecision['data']): void {
  const check = checkInput()
    .text('decisionId', data.decisionId)
    .text('meetingId', data.meetingId)
    .text('itemId', data.itemId)
    .text('resolution', data.resolution)
    .oneOf('kind', data.kind, DECISION_KINDS)
    .that(
      data.kind === 'recommendation' ? isText(data.recommendedTo) : data.recommendedTo === undefined,
      'recommendedTo',
      'names the body a recommendation goes to, and only for recommendations',
    )
    .text('reasons', data.reasons)
    .that(
      Array.isArray(data.alternativesRejected) &&
        data.alternativesRejected.every((a) => isText(a?.option) && isText(a?.why)),
      'alternativesRejected',
      'each needs the option and why it was rejected',
    )
    .codes('interestsDeclared', data.interestsDeclared)
    .codes('themes', data.themes)
    .codes('principles', data.principles)
    .that(!(data.amends && data.supersedes), 'supersedes', 'a decision amends or supersedes another, not both')
    .instant('at', data.at);
  checkReached(check, data.reached);
  checkVoiceEvidence(check, data.voiceEvidence);
  checkNotTabledReasons(check, data.voiceEvidence);
  if (data.amends) {
    check
      .text('amends.decisionId', data.amends.decisionId)
      .text('amends.reason', data.amends.reason)
      .text('amends.changes', data.amends.changes);
  }
  if (data.supersedes) {
    check.text('supersedes.decisionId', data.supersedes.decisionId).text('supersedes.reason', data.supersedes.reason);
  }
  check
    .that(data.facts?.meeting?.meetingId === data.meetingId, 'facts.meeting', 'must describe the meeting named')
    .instant('facts.meeting.startsAt', data.facts?.meeting?.startsAt)
    .that(Array.isArray(data.facts?.contributions), 'facts.contributions', 'is required')
    .done();
}

function checkReached(check: InputCheck, reached: HowReached): void {
  if (reached?.method === 'vote') {
    const counts = [reached.for, reached.against, reached.abstain];
    check.that(
      counts.every((n) => Number.isInteger(n) && n >= 0),
      'reached',
      'vote counts must be whole numbers, 0 or more',
    );
  } else {
    check.that(reached?.method === 'consensus', 'reached', 'must be a vote or consensus');
  }
}

function requireMeetingCanDecide(meeting: MeetingFactsForDecision, itemId: string, kind: string, at: string): void {
  if (!meeting.inProgress) {
    throw new RuleBroken('meeting-not-in-progress', 'Decisions are recorded at a meeting in progress.');
  }
  requireMeetingDay(meeting.startsAt, at, 'decisions can be recorded at it');
  if (!meeting.quorate) {
    throw new RuleBroken('meeting-inquorate', 'The meeting is not quorate: it cannot make decisions.');
  }
  const item = meeting.item;
  if (!item || item.itemId !== itemId) {
    throw new RuleBroken('agenda-item-not-found', 'No such item on this meeting’s agenda.', { itemId });
  }
  if (item.withdrawn) {
    throw new RuleBroken('agenda-item-withdrawn', 'This item was withdrawn from the agenda.', { itemId });
  }
  if (item.purpose === 'information' && kind !== 'noted') {
    throw new RuleBroken('information-item-only-noted', 'An item for information can only be noted.');
  }
}

function requireVotesAddUp(reached: HowReached, kind: string, presentCount: number): void {
  if (reached.method !== 'vote') return;
  if (reached.for + reached.against + reached.abstain > presentCount) {
    throw new RuleBroken('more-votes-than-present', 'More votes were counted than people present.', { presentCount });
  }
  // A resolution or recommendation stands only if carried; "noted" needs no majority.
  if (kind !== 'noted' && reached.for <= reached.against) {
    throw new RuleBroken('resolution-not-carried', 'The vote did not carry: more votes for than against are needed.');
  }
}

function requireChangeable(earlierId: string, earlier: DecisionFacts | undefined, meetingId: string): void {
  if (!earlier || earlier.decisionId !== earlierId) {
    throw new InvalidInput('The earlier decision’s facts are missing.', [
      { field: 'facts.earlier', reason: 'is required' },
    ]);
  }
  if (earlier.status === 'not-found') throw new NotFound('The decision to amend or supersede does not exist.');
  if (earlier.status === 'superseded') {
    throw new RuleBroken('decision-superseded', 'That decision has already been superseded.', {
      decisionId: earlierId,
    });
  }
  if (earlier.meetingId === meetingId) {
    throw new RuleBroken('not-a-later-meeting', 'A decision is amended or superseded only by a later meeting.');
  }
}

/** The command that records a decision, and its rule. */
export const recordDecisionRules: Rules<RecordDecision, DecisionEvent, DecisionState> = {
  RecordDecision: recordDecision,
};
