import { fold, type Decider } from '#kernel';
import type { ContributionCommand } from './contribution.commands.js';
import { contributionDecider } from './contribution.decider.js';
import type { ContributionEvent } from './contribution.events.js';
import { CONTRIBUTION_PERSONAL_FIELDS, contributionSubject } from './contribution.personal-data.js';
import type { ContributionState } from './contribution.state.js';
import { BY_CODE, command, moderate, submit } from './contribution.test-fixtures.js';

// A canary: unique words planted by the young person (and about them) must appear in decided events
// only in fields the personal-data policy seals, so erasure by destroying the key leaves none readable.
const CANARY = 'zebra-canary-4471';
const screening = { flagged: false, matchedCategories: [] };

function decideAll(
  decider: Decider<ContributionCommand, ContributionEvent, ContributionState>,
  commands: ContributionCommand[],
): ContributionEvent[] {
  const events: ContributionEvent[] = [];
  for (const c of commands) events.push(...decider.decide(c, fold(decider, events)));
  return events;
}

function pathsContaining(value: unknown, needle: string, path = ''): string[] {
  if (typeof value === 'string') return value.includes(needle) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v) => pathsContaining(v, needle, path));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => pathsContaining(v, needle, path ? `${path}.${k}` : k));
  }
  return [];
}

describe('contribution: personal data stays in sealed fields', () => {
  const lifecycle = decideAll(contributionDecider, [
    submit({ text: `My words ${CANARY}`, ageBand: '12-15', careStatus: 'in-care', sharing: 'anonymised' }),
    moderate({ outcome: 'ask-question', question: `Did you mean ${CANARY}?` }),
    command('AnswerQuestion', { author: BY_CODE, text: `Yes, ${CANARY}`, facts: { screening } }),
    moderate({ outcome: 'accept-with-redactions', redactedText: `My words [${CANARY}]`, summary: `About ${CANARY}` }),
    command('RespondToSummary', { author: BY_CODE, version: 1, response: 'change', message: `Not ${CANARY}` }),
    command('SummariseContribution', { text: `Again about ${CANARY}` }),
    command('RespondToSummary', { author: BY_CODE, version: 2, response: 'agree', message: `Yes ${CANARY}` }),
    command('TableContribution', { meetingId: 'm', itemId: 'i' }),
    command('MarkConsidered', { meetingId: 'm', itemId: 'i' }),
    command('RecordFeedback', { feedbackId: 'f', text: 'We did.', decisionIds: [], actionIds: [] }),
    moderate({ outcome: 'escalate', reason: `Worried about ${CANARY}`, categories: [CANARY] }),
    command('WithdrawContribution', { author: BY_CODE, reason: `Because ${CANARY}` }),
  ]);

  it('runs the whole lifecycle', () => {
    expect(lifecycle.map((e) => e.type)).toEqual([
      'ContributionSubmitted',
      'ContributionQuestionAsked',
      'ContributionQuestionAnswered',
      'ContributionAcceptedWithRedactions',
      'ContributionSummarised',
      'ContributionSummaryChangeRequested',
      'ContributionSummarised',
      'ContributionSummaryAgreed',
      'ContributionTabled',
      'ContributionConsidered',
      'ContributionFeedbackRecorded',
      'ContributionEscalatedForSafeguarding',
      'ContributionWithdrawn',
    ]);
  });

  // Declining ends the lifecycle above early, so it is decided on its own.
  const declined = decideAll(contributionDecider, [
    submit({ text: `My words ${CANARY}` }),
    moderate({ outcome: 'decline', reason: 'off-topic', note: `Because ${CANARY}` }),
  ]);

  it('puts the words and details only where the policy seals them', () => {
    expect(declined.map((e) => e.type)).toEqual(['ContributionSubmitted', 'ContributionDeclined']);
    for (const event of [...lifecycle, ...declined]) {
      const sealed = CONTRIBUTION_PERSONAL_FIELDS[event.type];
      for (const path of pathsContaining(event.data, CANARY)) {
        expect(`${event.type}.${path}`).toBe(`${event.type}.${sealed.find((p) => p === path) ?? '(not sealed)'}`);
      }
    }
    const submitted = lifecycle[0]?.data as Record<string, unknown>;
    for (const field of CONTRIBUTION_PERSONAL_FIELDS.ContributionSubmitted) expect(submitted[field]).toBeDefined();
  });

  it('keeps the view itself in the field named text', () => {
    const texts = lifecycle.flatMap((e) => pathsContaining(e.data, 'My words'));
    expect(texts).toEqual(['text', 'text']);
  });

  it('carries the author’s pseudonym on every event with sealed fields, so the subject is known', () => {
    for (const event of [...lifecycle, ...declined]) {
      if (CONTRIBUTION_PERSONAL_FIELDS[event.type].length === 0) continue;
      expect((event.data as { authorPseudonym?: string }).authorPseudonym).toBe('yp-4c1e9a');
    }
    expect(contributionSubject('yp-4c1e9a')).toBe('yp:yp-4c1e9a');
  });
});
