import { fold, InvalidInput, NotFound, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type { ActionOwner, AssignAction } from './action.commands.js';
import { actionDecider } from './action.decider.js';
import type { ActionAssigned, ActionEvent } from './action.events.js';
import { isOverdue } from './action.state.js';

const { given } = givenWhenThen(actionDecider);

const at = '2026-04-14T18:20:00+01:00';
const recordedDecision = { decisionId: 'decision-1', status: 'recorded' as const };
const assign = (overrides: Partial<AssignAction['data']> = {}): AssignAction => ({
  type: 'AssignAction',
  data: {
    actionId: 'action-1',
    decisionId: 'decision-1',
    description: 'Write to every school about keeping children in care on roll after a move.',
    owner: { officer: { id: 'staff-42', name: 'Head of the Virtual School' } },
    dueOn: '2026-06-30',
    at,
    facts: { decision: recordedDecision },
    ...overrides,
  },
});
const assigned = (overrides: Partial<AssignAction['data']> = {}): ActionAssigned => {
  const { facts: _facts, ...data } = assign(overrides).data;
  return { type: 'ActionAssigned', data };
};
const progress = (note: string) => ({ type: 'RecordProgress' as const, data: { actionId: 'action-1', note, at } });
const complete = (evidence: string, when = '2026-06-30T23:30:00Z') => ({
  type: 'CompleteAction' as const,
  data: { actionId: 'action-1', evidence, at: when },
});
const cancel = (reason: string) => ({ type: 'CancelAction' as const, data: { actionId: 'action-1', reason, at } });

describe('action: assignment by a decision', () => {
  it('assigns an action to an officer or a member, with a due date', () => {
    given([]).when(assign()).then([assigned()]);
    const owner: ActionOwner = { memberId: 'cllr-evans' };
    given([])
      .when(assign({ owner }))
      .then([assigned({ owner })]);
  });

  it('needs exactly one kind of owner', () => {
    const both = { memberId: 'cllr-evans', officer: { name: 'Someone' } } as never;
    given([])
      .when(assign({ owner: both }))
      .thenThrows(InvalidInput);
    given([])
      .when(assign({ owner: { officer: { name: '' } } }))
      .thenThrows(InvalidInput);
  });

  it('refuses an action for a decision that does not exist or was superseded', () => {
    given([])
      .when(assign({ facts: { decision: { decisionId: 'decision-1', status: 'not-found' } } }))
      .thenThrows(NotFound);
    given([])
      .when(assign({ facts: { decision: { ...recordedDecision, status: 'superseded' } } }))
      .thenThrows(RuleBroken, 'decision-superseded');
  });

  it('refuses a due date before the day of assignment (London), and accepts the same day', () => {
    given([])
      .when(assign({ dueOn: '2026-04-13' }))
      .thenThrows(RuleBroken, 'due-date-in-past');
    given([])
      .when(assign({ dueOn: '2026-04-14' }))
      .then([assigned({ dueOn: '2026-04-14' })]);
  });

  it('assigns once', () => {
    given([assigned()]).when(assign()).thenThrows(RuleBroken, 'action-already-assigned');
  });
});

describe('action: progress, completion and cancellation', () => {
  it('records progress on an open action', () => {
    given([assigned()])
      .when(progress('Letter drafted'))
      .then([{ type: 'ActionProgressRecorded', data: { actionId: 'action-1', note: 'Letter drafted', at } }]);
  });

  it('completes with evidence, dated by the London day', () => {
    given([assigned()])
      .when(complete('Letter sent to 212 schools'))
      .then([
        {
          type: 'ActionCompleted',
          data: {
            actionId: 'action-1',
            evidence: 'Letter sent to 212 schools',
            completedOn: '2026-07-01',
            at: '2026-06-30T23:30:00Z',
          },
        },
      ]);
  });

  it('requires evidence to complete and a reason to cancel', () => {
    given([assigned()]).when(complete(' ')).thenThrows(InvalidInput);
    given([assigned()]).when(cancel('')).thenThrows(InvalidInput);
  });

  it('cancels with a reason', () => {
    given([assigned()])
      .when(cancel('Superseded by the new school transport policy'))
      .then([
        {
          type: 'ActionCancelled',
          data: { actionId: 'action-1', reason: 'Superseded by the new school transport policy', at },
        },
      ]);
  });

  it('changes nothing once completed or cancelled', () => {
    const completed: ActionEvent = {
      type: 'ActionCompleted',
      data: { actionId: 'action-1', evidence: 'Done', completedOn: '2026-05-01', at },
    };
    given([assigned(), completed]).when(progress('More')).thenThrows(RuleBroken, 'action-closed');
    given([assigned(), completed]).when(cancel('Oops')).thenThrows(RuleBroken, 'action-closed');
    const cancelled: ActionEvent = {
      type: 'ActionCancelled',
      data: { actionId: 'action-1', reason: 'No longer needed', at },
    };
    given([assigned(), cancelled]).when(complete('Done')).thenThrows(RuleBroken, 'action-closed');
  });

  it('does not know an action never assigned', () => {
    given([]).when(progress('Hello')).thenThrows(NotFound);
  });
});

describe('action: overdue is derived from the date', () => {
  const open = fold(actionDecider, [assigned()]);

  it('is not overdue on its due date, and is the day after', () => {
    expect(isOverdue(open, '2026-06-30')).toBe(false);
    expect(isOverdue(open, '2026-07-01')).toBe(true);
  });

  it('is never overdue once completed or cancelled', () => {
    const done = fold(actionDecider, [
      assigned(),
      { type: 'ActionCompleted', data: { actionId: 'action-1', evidence: 'Done', completedOn: '2026-07-03', at } },
    ]);
    expect(isOverdue(done, '2026-08-01')).toBe(false);
    const cancelled = fold(actionDecider, [
      assigned(),
      { type: 'ActionCancelled', data: { actionId: 'action-1', reason: 'x', at } },
    ]);
    expect(isOverdue(cancelled, '2026-08-01')).toBe(false);
  });
});
