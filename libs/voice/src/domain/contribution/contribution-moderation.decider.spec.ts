import { Forbidden, fold, InvalidInput, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import { contributionDecider } from './contribution.decider.js';
import { citability } from './contribution.queries.js';
import type { ContributionStatus } from './contribution.values.js';
import {
  ACCEPTED,
  ANSWERED,
  ASKED,
  BY_CODE,
  command,
  event,
  HISTORIES,
  moderate,
  NOT_FLAGGED,
  PSEUDONYM,
  submitted,
  SUMMARISED,
  WITHDRAWN,
} from './contribution.test-fixtures.js';

const { given } = givenWhenThen(contributionDecider);

const escalatedByModerator = (previousStatus: ContributionStatus) =>
  event('ContributionEscalatedForSafeguarding', {
    authorPseudonym: PSEUDONYM,
    reason: 'moderator',
    categories: ['exploitation'],
    note: 'Mentions an older friend who gives lifts and gifts.',
    previousStatus,
  });
const escalate = moderate({
  outcome: 'escalate',
  reason: 'Mentions an older friend who gives lifts and gifts.',
  categories: ['exploitation'],
});

describe('contribution: moderation', () => {
  it('accepts a new view for the board', () => {
    given([submitted()])
      .when(moderate({ outcome: 'accept' }))
      .then([ACCEPTED]);
  });

  it('accepts with redactions: the board gets the redacted words, the original stays', () => {
    const redactedText = 'At [school] they said I could not go on the trip.';
    const events = given([submitted()])
      .when(moderate({ outcome: 'accept-with-redactions', redactedText }))
      .then([event('ContributionAcceptedWithRedactions', { authorPseudonym: PSEUDONYM, text: redactedText })]);
    const state = fold(contributionDecider, [submitted(), ...events]);
    expect(state.redacted).toBe(true);
    // Shared "summary only" (the default), it waits for its summary; shared otherwise, it is citable at once.
    expect(citability(state)).toBe('needs-summary');
    expect(citability(fold(contributionDecider, [submitted(), ...events, SUMMARISED]))).toBe('citable');
    expect(citability(fold(contributionDecider, [submitted({ sharing: 'anonymised' }), ...events]))).toBe('citable');
  });

  it('needs redacted words within the same bounds as a view', () => {
    given([submitted()])
      .when(moderate({ outcome: 'accept-with-redactions', redactedText: '   ' }))
      .thenThrows(InvalidInput);
    given([submitted()])
      .when(moderate({ outcome: 'accept-with-redactions', redactedText: 'x'.repeat(5001) }))
      .thenThrows(InvalidInput);
  });

  it('refuses an unknown outcome', () => {
    given([submitted()])
      .when(moderate({ outcome: 'publish' } as never))
      .thenThrows(InvalidInput);
  });

  it('moderates a view once', () => {
    for (const name of ['accepted', 'accepted-with-redactions', 'tabled', 'responded'] as const) {
      given(HISTORIES[name])
        .when(moderate({ outcome: 'accept' }))
        .thenThrows(RuleBroken, 'already-moderated');
    }
  });
});

describe('contribution: a question to the author', () => {
  const question = 'Which part of telling your story again was hardest?';
  const answer = (text: string, screening = NOT_FLAGGED, author = BY_CODE) =>
    command('AnswerQuestion', { author, text, facts: { screening } });

  it('asks the author a question, which takes the view out of the queue until answered', () => {
    given([submitted()])
      .when(moderate({ outcome: 'ask-question', question }))
      .then([ASKED]);
    given([submitted(), ASKED])
      .when(moderate({ outcome: 'accept' }))
      .thenThrows(RuleBroken, 'awaiting-answer');
  });

  it('puts the answered view back in the queue, where it can be moderated again', () => {
    given([submitted(), ASKED]).when(answer('Explaining why I moved school.')).then([ANSWERED]);
    given([submitted(), ASKED, ANSWERED])
      .when(moderate({ outcome: 'accept' }))
      .then([ACCEPTED]);
    given([submitted(), ASKED, ANSWERED])
      .when(moderate({ outcome: 'ask-question', question: 'Thank you. Can we share this with the board?' }))
      .then([
        event('ContributionQuestionAsked', {
          authorPseudonym: PSEUDONYM,
          question: 'Thank you. Can we share this with the board?',
        }),
      ]);
  });

  it('screens the answer too, and escalates it at once if flagged', () => {
    const screening = { flagged: true, matchedCategories: ['abuse'] };
    given([submitted(), ASKED])
      .when(answer('He hits me when I get home late.', screening))
      .then([
        event('ContributionQuestionAnswered', { authorPseudonym: PSEUDONYM, text: 'He hits me when I get home late.' }),
        event('ContributionEscalatedForSafeguarding', {
          authorPseudonym: PSEUDONYM,
          reason: 'screen',
          categories: ['abuse'],
          previousStatus: 'answered',
        }),
      ]);
    given([submitted(), ASKED])
      .when(answer('Explaining why I moved school.', { flagged: undefined } as never))
      .thenThrows(InvalidInput);
  });

  it('takes an answer only when a question is waiting, and only from the author', () => {
    given([submitted()]).when(answer('Hello')).thenThrows(RuleBroken, 'no-question-asked');
    given([submitted(), ASKED, ANSWERED]).when(answer('Again')).thenThrows(RuleBroken, 'no-question-asked');
    given([submitted(), ASKED])
      .when(answer('Hello', NOT_FLAGGED, { receiptCodeHash: 'sha256:someone-else' }))
      .thenThrows(Forbidden);
    given([submitted(), ASKED]).when(answer(' ')).thenThrows(InvalidInput);
  });
});

describe('contribution: escalation for safeguarding', () => {
  it('lets a moderator escalate a view in the queue, with a note', () => {
    given([submitted()])
      .when(escalate)
      .then([escalatedByModerator('submitted')]);
    given([submitted(), ASKED, ANSWERED])
      .when(escalate)
      .then([escalatedByModerator('answered')]);
    given([submitted()])
      .when(moderate({ outcome: 'escalate', reason: ' ' }))
      .thenThrows(InvalidInput);
  });

  it('is never blocked by how far the view has got: it is pulled from the board', () => {
    for (const name of ['question-asked', 'accepted', 'tabled', 'considered', 'responded', 'closed'] as const) {
      const events = given(HISTORIES[name])
        .when(escalate)
        .then([escalatedByModerator(name)]);
      expect(citability(fold(contributionDecider, [...HISTORIES[name], ...events]))).toBe('not-accepted');
    }
  });

  it('escalates once', () => {
    given(HISTORIES.escalated).when(escalate).thenThrows(RuleBroken, 'contribution-escalated');
  });

  it('never lets an escalated view reach the board, whoever escalated it', () => {
    const byScreen = HISTORIES.escalated;
    const byModerator = [submitted(), escalatedByModerator('submitted')];
    for (const history of [byScreen, byModerator]) {
      given(history)
        .when(moderate({ outcome: 'accept' }))
        .thenThrows(RuleBroken, 'contribution-escalated');
      given(history)
        .when(moderate({ outcome: 'accept-with-redactions', redactedText: 'Something safe.' }))
        .thenThrows(RuleBroken, 'contribution-escalated');
      given(history)
        .when(moderate({ outcome: 'ask-question', question: 'Are you safe?' }))
        .thenThrows(RuleBroken, 'contribution-escalated');
      given(history)
        .when(command('TableContribution', { meetingId: 'm', itemId: 'i' }))
        .thenThrows(RuleBroken, 'contribution-escalated');
      given(history)
        .when(command('RecordFeedback', { feedbackId: 'f', text: 'We did.', decisionIds: [], actionIds: [] }))
        .thenThrows(RuleBroken, 'contribution-escalated');
      expect(fold(contributionDecider, history).status).toBe('escalated');
      expect(citability(fold(contributionDecider, history))).toBe('not-accepted');
    }
  });

  it('still escalates a view its author has withdrawn: the duty to act outlives the withdrawal', () => {
    const withdrawn = [...HISTORIES.submitted, WITHDRAWN];
    const events = given(withdrawn)
      .when(escalate)
      .then([escalatedByModerator('withdrawn')]);
    const state = fold(contributionDecider, [...withdrawn, ...events]);
    expect(state.status).toBe('withdrawn');
    expect(state.escalated).toBe(true);
    given(withdrawn)
      .when(moderate({ outcome: 'accept' }))
      .thenThrows(RuleBroken, 'contribution-withdrawn');
  });
});
