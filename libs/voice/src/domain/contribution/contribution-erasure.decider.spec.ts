import { fold, InvalidInput, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type { ContributionCommand, EraseContribution } from './contribution.commands.js';
import { contributionDecider } from './contribution.decider.js';
import { citability, isVisibleToBoard } from './contribution.queries.js';
import type { ContributionStatus } from './contribution.values.js';
import {
  BY_CODE,
  command,
  event,
  HISTORIES,
  HISTORY_NAMES,
  moderate,
  NOT_FLAGGED,
  submit,
  WITHDRAWN,
} from './contribution.test-fixtures.js';

const { given } = givenWhenThen(contributionDecider);

const erase = (overrides: Partial<EraseContribution['data']> = {}) =>
  command('EraseContribution', {
    erasedBy: 'staff-dpo-1',
    ground: 'consent-withdrawn',
    reason: 'Request ref DSR-2026-014, identity checked by the participation team.',
    ...overrides,
  });
const erased = (previousStatus: ContributionStatus) =>
  event('ContributionErased', {
    subject: 'yp:yp-4c1e9a',
    erasedBy: 'staff-dpo-1',
    ground: 'consent-withdrawn',
    reason: 'Request ref DSR-2026-014, identity checked by the participation team.',
    previousStatus,
  });

describe('contribution: erasure on a valid request', () => {
  it('erases from every state, naming the key subject to destroy', () => {
    for (const name of HISTORY_NAMES) {
      const history = HISTORIES[name];
      const events = given(history)
        .when(erase())
        .then([erased(fold(contributionDecider, history).status)]);
      const state = fold(contributionDecider, [...history, ...events]);
      expect(state.status).toBe('erased');
      expect(isVisibleToBoard(state)).toBe(false);
    }
    given([...HISTORIES.accepted, WITHDRAWN])
      .when(erase())
      .then([erased('withdrawn')]);
  });

  it('records who granted it, on which legal ground and why', () => {
    given(HISTORIES.accepted)
      .when(erase({ erasedBy: '' }))
      .thenThrows(InvalidInput);
    given(HISTORIES.accepted)
      .when(erase({ reason: ' ' }))
      .thenThrows(InvalidInput);
    given(HISTORIES.accepted)
      .when(erase({ ground: 'asked-nicely' as never }))
      .thenThrows(InvalidInput);
  });

  it('reads as taken back to a decision that cites it', () => {
    const state = fold(contributionDecider, [...HISTORIES.considered, erased('considered')]);
    expect(citability(state)).toBe('withdrawn');
  });

  it('is terminal: every command is refused afterwards', () => {
    const history = [...HISTORIES.responded, erased('responded')];
    const commands: ContributionCommand[] = [
      submit(),
      moderate({ outcome: 'accept' }),
      moderate({ outcome: 'escalate', reason: 'Late concern' }),
      command('AnswerQuestion', { author: BY_CODE, text: 'Hello', facts: { screening: NOT_FLAGGED } }),
      command('ChangeSharing', { author: BY_CODE, sharing: 'verbatim' }),
      command('TableContribution', { meetingId: 'm', itemId: 'i' }),
      command('MarkConsidered', { meetingId: 'meeting-2026-04', itemId: 'voice-of-the-child' }),
      command('RecordFeedback', { feedbackId: 'f', text: 'We did.', decisionIds: [], actionIds: [] }),
      command('CloseContribution', {}),
      command('WithdrawContribution', { author: BY_CODE }),
      erase(),
    ];
    const code = (c: ContributionCommand) =>
      c.type === 'SubmitContribution' ? 'contribution-already-submitted' : 'contribution-erased';
    for (const c of commands) given(history).when(c).thenThrows(RuleBroken, code(c));
    // Every command type the decider knows is tried.
    expect(new Set(commands.map((c) => c.type)).size).toBe(10);
  });
});
