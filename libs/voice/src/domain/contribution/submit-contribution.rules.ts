import { NotFound, RuleBroken, checkInput, isText, type InputCheck } from '#kernel';
import { isLate } from '../call-for-views/call-for-views.queries.js';
import type { ContributionTarget, ScreeningResult, SubmitContribution } from './contribution.commands.js';
import type { ContributionEvent } from './contribution.events.js';
import type { ContributionState } from './contribution.state.js';
import {
  AGE_BANDS,
  CARE_STATUSES,
  CHANNELS,
  CONTRIBUTION_TEXT_MAX_CHARS,
  DEFAULT_SHARING,
  ON_BEHALF_CHANNELS,
  SHARING_CHOICES,
  type Channel,
} from './contribution.values.js';

export function submitContribution({ data }: SubmitContribution, state: ContributionState): ContributionEvent[] {
  const target: ContributionTarget = data.target ?? { kind: 'none' };
  const check = checkInput()
    .text('contributionId', data.contributionId)
    .boundedText('text', data.text, CONTRIBUTION_TEXT_MAX_CHARS)
    .codes('themes', data.themes ?? [])
    .that(isTarget(target), 'target', 'nothing, a call {callId}, a meeting {meetingId} or an item {meetingId, itemId}')
    .oneOf('channel', data.channel, CHANNELS)
    .optionalOneOf('ageBand', data.ageBand, AGE_BANDS)
    .optionalOneOf('careStatus', data.careStatus, CARE_STATUSES)
    .optionalOneOf('sharing', data.sharing, SHARING_CHOICES)
    .text('receiptCodeHash', data.receiptCodeHash)
    .text('authorPseudonym', data.authorPseudonym)
    .instant('at', data.at);
  checkSubmitter(check, data.channel, data.submittedBy);
  checkScreening(check, 'facts.screening', data.facts?.screening);
  if (target.kind === 'call') {
    const call = data.facts?.call;
    check.that(call?.callId === target.callId, 'facts.call', 'must describe the call named in the target');
    if (call !== undefined && call.status !== 'not-found') check.date('facts.call.closesOn', call.closesOn);
  }
  check.done();

  if (state.status !== 'none') {
    throw new RuleBroken('contribution-already-submitted', 'This contribution has already been submitted.');
  }
  const call = target.kind === 'call' ? data.facts.call : undefined;
  if (call?.status === 'not-found') throw new NotFound('No such call for views.');

  const { contributionId, channel, submittedBy, ageBand, careStatus, receiptCodeHash, authorPseudonym, at } = data;
  const submitted: ContributionEvent = {
    type: 'ContributionSubmitted',
    data: {
      contributionId,
      authorPseudonym,
      text: data.text.trim(),
      themes: data.themes ?? [],
      target,
      channel,
      submittedBy,
      ageBand,
      careStatus,
      sharing: data.sharing ?? DEFAULT_SHARING,
      receiptCodeHash,
      late: call !== undefined && isLate({ closesOn: call.closesOn ?? '', closedAt: call.closedAt }, at),
      at,
    },
  };
  // A flagged view is escalated in the same decision: there is no moment at which the board could see it.
  return [submitted, ...screenEscalation(data.facts.screening, contributionId, authorPseudonym, 'submitted', at)];
}

/** The events a screening verdict adds: none, or an escalation to the safeguarding queue. */
export function screenEscalation(
  screening: ScreeningResult,
  contributionId: string,
  authorPseudonym: string,
  previousStatus: 'submitted' | 'answered',
  at: string,
): ContributionEvent[] {
  if (!screening.flagged) return [];
  return [
    {
      type: 'ContributionEscalatedForSafeguarding',
      data: {
        contributionId,
        authorPseudonym,
        reason: 'screen',
        categories: screening.matchedCategories,
        previousStatus,
        at,
      },
    },
  ];
}

export function checkScreening(check: InputCheck, field: string, screening: ScreeningResult | undefined): void {
  // No view enters the log unscreened: a missing verdict is a wiring fault, refused rather than passed.
  check.that(typeof screening?.flagged === 'boolean', `${field}.flagged`, 'the safeguarding screen must run first');
  check.codes(`${field}.matchedCategories`, screening?.matchedCategories);
}

function checkSubmitter(check: InputCheck, channel: Channel, submittedBy: string | undefined): void {
  if (ON_BEHALF_CHANNELS.includes(channel)) {
    check.that(isText(submittedBy), 'submittedBy', `the staff id of the ${channel} who submitted it is required`);
  } else if (channel === 'online') {
    // Online means the young person typed it themselves: no staff id may be attached to it.
    check.that(submittedBy === undefined, 'submittedBy', 'an online view is submitted by the young person');
  } else {
    check.optionalText('submittedBy', submittedBy);
  }
}

function isTarget(target: ContributionTarget): boolean {
  switch (target?.kind) {
    case 'none':
      return true;
    case 'call':
      return isText(target.callId);
    case 'meeting':
      return isText(target.meetingId);
    case 'agenda-item':
      return isText(target.meetingId) && isText(target.itemId);
    default:
      return false;
  }
}
