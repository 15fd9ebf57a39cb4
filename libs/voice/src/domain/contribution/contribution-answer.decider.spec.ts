import { fold, InvalidInput, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import { contributionDecider } from './contribution.decider.js';
import { command, event, HISTORIES, RESPONDED } from './contribution.test-fixtures.js';

const { given } = givenWhenThen(contributionDecider);

// Reading age 9 (see reading-age.spec.ts), and an adult text (18).
const PLAIN =
  'You told us that moving school was the hardest part of moving home. ' +
  'From September, you will keep your school unless you choose to move.';
const HARD =
  'The corporate parenting board, having considered the representations received, determined that ' +
  'accommodation arrangements would henceforth prioritise educational continuity, notwithstanding ' +
  'additional expenditure.';

const answer = (
  feedbackId: string,
  text: string,
  extra: { readingAgeReason?: string; facts?: { readingAgeLimit: number } } = {},
) => command('RecordFeedback', { feedbackId, text, decisionIds: [], actionIds: [], ...extra });

const recorded = (feedbackId: string, text: string, readingAge: Record<string, unknown>) =>
  event('ContributionFeedbackRecorded', {
    feedbackId,
    text,
    decisionIds: [],
    actionIds: [],
    readingAge: readingAge as never,
  });

describe('contribution: an answer a young person can read', () => {
  it('records the reading age found and the limit (reading age 11 by default)', () => {
    given(HISTORIES.considered)
      .when(answer('f-1', PLAIN))
      .then([recorded('f-1', PLAIN, { estimated: 9, limit: 11 })]);
  });

  it("uses the board's own limit when the command carries it", () => {
    given(HISTORIES.considered)
      .when(answer('f-1', PLAIN, { facts: { readingAgeLimit: 14 } }))
      .then([recorded('f-1', PLAIN, { estimated: 9, limit: 14 })]);
    const refused = given(HISTORIES.considered)
      .when(answer('f-1', PLAIN, { facts: { readingAgeLimit: 8 } }))
      .thenThrows(RuleBroken, 'reading-age-too-high');
    expect(refused.details).toMatchObject({ readingAge: 9, limit: 8 });
  });

  it('refuses an answer above the limit, naming the reading age found and the limit', () => {
    const refused = given(HISTORIES.considered)
      .when(answer('f-1', HARD))
      .thenThrows(RuleBroken, 'reading-age-too-high');
    expect(refused.message).toMatch(/reading age of 18 or more, above this board's limit of 11/);
    expect(refused.details).toMatchObject({ readingAge: 18, limit: 11 });
    expect(refused.details.longWords).toEqual(expect.arrayContaining(['accommodation']));
    // A blank reason is no reason.
    given(HISTORIES.considered)
      .when(answer('f-1', HARD, { readingAgeReason: '   ' }))
      .thenThrows(RuleBroken, 'reading-age-too-high');
  });

  it('sends it anyway when the sender records why, and keeps the reason in the event', () => {
    given(HISTORIES.considered)
      .when(answer('f-1', HARD, { readingAgeReason: '  The council’s legal wording must be quoted.  ' }))
      .then([
        recorded('f-1', HARD, {
          estimated: 18,
          limit: 11,
          reason: 'The council’s legal wording must be quoted.',
        }),
      ]);
  });

  it('keeps no reason for an answer within the limit', () => {
    given(HISTORIES.considered)
      .when(answer('f-1', PLAIN, { readingAgeReason: 'Not needed.' }))
      .then([recorded('f-1', PLAIN, { estimated: 9, limit: 11 })]);
  });

  it('refuses a limit outside 7 to 18, or a reason that is too long', () => {
    for (const readingAgeLimit of [6, 19, 10.5]) {
      given(HISTORIES.considered)
        .when(answer('f-1', PLAIN, { facts: { readingAgeLimit } }))
        .thenThrows(InvalidInput);
    }
    given(HISTORIES.considered)
      .when(answer('f-1', HARD, { readingAgeReason: 'x'.repeat(1001) }))
      .thenThrows(InvalidInput);
  });

  it('adds a later answer beside the earlier one, never replacing it', () => {
    const later = recorded('f-2', PLAIN, { estimated: 9, limit: 11 });
    given(HISTORIES.responded).when(answer('f-2', PLAIN)).then([later]);
    const state = fold(contributionDecider, [...HISTORIES.responded, later]);
    expect(state.feedbackIds).toEqual([RESPONDED.data.feedbackId, 'f-2']);
    expect(state.status).toBe('responded');
  });
});
