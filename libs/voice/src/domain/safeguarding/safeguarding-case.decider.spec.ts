import { fold, Forbidden, InvalidInput, NotFound, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type {
  AcknowledgeCase,
  OpenSafeguardingCase,
  RecordOutcome,
  SafeguardingOutcome,
} from './safeguarding-case.commands.js';
import { safeguardingCaseDecider } from './safeguarding-case.decider.js';
import type {
  CaseAcknowledged,
  CaseEscalatedToDeputy,
  SafeguardingCaseEvent,
  SafeguardingCaseOpened,
} from './safeguarding-case.events.js';
import { isOverdue } from './safeguarding-case.state.js';

const { given } = givenWhenThen(safeguardingCaseDecider);

const caseId = 'case-1';
const openedAt = '2026-03-02T09:15:00Z';
const dueBy = '2026-03-02T10:15:00.000Z';

const openCase = (overrides: Partial<OpenSafeguardingCase['data']> = {}): OpenSafeguardingCase => ({
  type: 'OpenSafeguardingCase',
  data: {
    caseId,
    contributionId: 'contribution-7',
    categories: ['harm'],
    source: 'screen',
    acknowledgeWithin: 60,
    namedLead: 'staff-lead',
    deputy: 'staff-deputy',
    at: openedAt,
    ...overrides,
  },
});
const opened = (overrides: Partial<SafeguardingCaseOpened['data']> = {}): SafeguardingCaseOpened => ({
  type: 'SafeguardingCaseOpened',
  data: {
    caseId,
    contributionId: 'contribution-7',
    categories: ['harm'],
    source: 'screen',
    namedLead: 'staff-lead',
    deputy: 'staff-deputy',
    acknowledgeWithin: 60,
    dueBy,
    at: openedAt,
    ...overrides,
  },
});
const acknowledge = (by: string, at = '2026-03-02T09:40:00Z'): AcknowledgeCase => ({
  type: 'AcknowledgeCase',
  data: { caseId, by, at },
});
const acknowledged = (
  by = 'staff-lead',
  as: 'named-lead' | 'deputy' = 'named-lead',
  at = '2026-03-02T09:40:00Z',
  late = false,
): CaseAcknowledged => ({ type: 'CaseAcknowledged', data: { caseId, by, as, late, at } });
const escalate = (at: string) => ({ type: 'EscalateOverdueCase' as const, data: { caseId, at } });
const escalated = (at = '2026-03-02T10:16:00Z'): CaseEscalatedToDeputy => ({
  type: 'CaseEscalatedToDeputy',
  data: { caseId, deputy: 'staff-deputy', dueBy, at },
});
const recordOutcome = (overrides: Partial<RecordOutcome['data']> = {}): RecordOutcome => ({
  type: 'RecordOutcome',
  data: {
    caseId,
    outcome: 'referred-to-front-door',
    reason: 'Disclosure of physical harm at home; referred to the front door the same morning.',
    by: 'staff-lead',
    at: '2026-03-02T11:00:00Z',
    ...overrides,
  },
});
const outcomeRecorded = (): SafeguardingCaseEvent => {
  const { caseId: id, outcome, reason, by, at } = recordOutcome().data;
  return { type: 'CaseOutcomeRecorded', data: { caseId: id, outcome, reason, by, at } };
};

describe('safeguarding case: opening', () => {
  it('opens a case from the screen with a deadline the configured minutes later, in UTC', () => {
    given([]).when(openCase()).then([opened()]);
    given([])
      .when(openCase({ acknowledgeWithin: 240, at: '2026-07-01T16:30:00+01:00' }))
      .then([opened({ acknowledgeWithin: 240, at: '2026-07-01T16:30:00+01:00', dueBy: '2026-07-01T19:30:00.000Z' })]);
  });

  it('opens a case a moderator escalated, with or without a category', () => {
    given([])
      .when(openCase({ source: 'moderator', categories: [] }))
      .then([opened({ source: 'moderator', categories: [] })]);
    given([])
      .when(openCase({ source: 'moderator', categories: ['neglect'] }))
      .then([opened({ source: 'moderator', categories: ['neglect'] })]);
  });

  it('needs the screen to say what it matched', () => {
    given([])
      .when(openCase({ categories: [] }))
      .thenThrows(InvalidInput);
  });

  it('refuses a window that is not a whole number of minutes from 1 to a week', () => {
    for (const acknowledgeWithin of [0, -5, 1.5, Number.NaN, 7 * 24 * 60 + 1]) {
      given([]).when(openCase({ acknowledgeWithin })).thenThrows(InvalidInput);
    }
    given([])
      .when(openCase({ acknowledgeWithin: 7 * 24 * 60 }))
      .then([opened({ acknowledgeWithin: 10080, dueBy: '2026-03-09T09:15:00.000Z' })]);
  });

  it('refuses missing people, an unknown source, repeated categories and a time without a zone', () => {
    const error = given([])
      .when(
        openCase({
          namedLead: '',
          deputy: ' ',
          source: 'email' as never,
          categories: ['harm', 'harm'],
          at: '2026-03-02T09:15:00',
        }),
      )
      .thenThrows(InvalidInput);
    expect(error.errors.map((e) => e.field)).toEqual(['categories', 'source', 'namedLead', 'deputy', 'at']);
  });

  it('needs a deputy who is not the named lead', () => {
    given([])
      .when(openCase({ deputy: 'staff-lead' }))
      .thenThrows(RuleBroken, 'deputy-is-named-lead');
  });

  it('opens once', () => {
    given([opened()]).when(openCase()).thenThrows(RuleBroken, 'case-already-opened');
  });

  // Issue 17: a board with a single safeguarding lead opened no case at all for a disclosure.
  it('opens a case with no deputy when the board has a single safeguarding lead', () => {
    given([])
      .when(openCase({ deputy: null }))
      .then([opened({ deputy: null })]);
  });
});

describe('safeguarding case: a board with a single safeguarding lead', () => {
  const alone = () => opened({ deputy: null });

  it('is acknowledged, and its outcome recorded, by the named lead; no one else', () => {
    given([alone()]).when(acknowledge('staff-lead')).then([acknowledged()]);
    given([alone()]).when(acknowledge('staff-deputy')).thenThrows(Forbidden);
    given([alone(), acknowledged()]).when(recordOutcome()).then([outcomeRecorded()]);
  });

  it('stays with the named lead past the deadline: nothing to escalate to, and still overdue', () => {
    given([alone()]).when(escalate('2026-03-02T10:16:00Z')).then([]);
    const state = fold(safeguardingCaseDecider, [alone()]);
    expect(state.deputy).toBeNull();
    expect(isOverdue(state, '2026-03-02T10:16:00Z')).toBe(true);
  });
});

describe('safeguarding case: acknowledgement', () => {
  it('is acknowledged by the named lead, in time', () => {
    given([opened()]).when(acknowledge('staff-lead')).then([acknowledged()]);
  });

  it('may be acknowledged by the deputy', () => {
    given([opened()])
      .when(acknowledge('staff-deputy'))
      .then([acknowledged('staff-deputy', 'deputy')]);
  });

  it('records an acknowledgement at or after the deadline as late', () => {
    given([opened()])
      .when(acknowledge('staff-lead', dueBy))
      .then([acknowledged('staff-lead', 'named-lead', dueBy, true)]);
    given([opened(), escalated()])
      .when(acknowledge('staff-deputy', '2026-03-02T10:20:00Z'))
      .then([acknowledged('staff-deputy', 'deputy', '2026-03-02T10:20:00Z', true)]);
  });

  it('refuses anyone else, even another safeguarding officer', () => {
    given([opened()]).when(acknowledge('staff-someone-else')).thenThrows(Forbidden);
  });

  it('is acknowledged once', () => {
    given([opened(), acknowledged()])
      .when(acknowledge('staff-deputy'))
      .thenThrows(RuleBroken, 'case-already-acknowledged');
  });

  it('does not know a case never opened', () => {
    given([]).when(acknowledge('staff-lead')).thenThrows(NotFound);
  });
});

describe('safeguarding case: escalation when the deadline passes', () => {
  it('escalates to the deputy when unacknowledged at the deadline or after', () => {
    given([opened()])
      .when(escalate(dueBy))
      .then([escalated(dueBy)]);
    given([opened()]).when(escalate('2026-03-02T10:16:00Z')).then([escalated()]);
  });

  it('compares instants, not strings, across time zones', () => {
    // 11:15+01:00 is 10:15Z: exactly the deadline.
    given([opened()])
      .when(escalate('2026-03-02T11:15:00+01:00'))
      .then([escalated('2026-03-02T11:15:00+01:00')]);
  });

  it('fires once: a second escalation decides nothing', () => {
    given([opened(), escalated()]).when(escalate('2026-03-02T10:17:00Z')).then([]);
  });

  it('decides nothing once the case is acknowledged or closed', () => {
    given([opened(), acknowledged()]).when(escalate('2026-03-02T10:16:00Z')).then([]);
    given([opened(), acknowledged(), outcomeRecorded()]).when(escalate('2026-03-02T12:00:00Z')).then([]);
  });

  it('refuses a deadline that has not yet passed, so the timer tries again', () => {
    const error = given([opened()]).when(escalate('2026-03-02T10:14:59Z')).thenThrows(RuleBroken, 'case-not-yet-due');
    expect(error.details).toEqual({ dueBy });
  });

  it('does not know a case never opened', () => {
    given([]).when(escalate('2026-03-02T10:16:00Z')).thenThrows(NotFound);
  });
});

describe('safeguarding case: outcome', () => {
  it.each<SafeguardingOutcome>(['referred-to-front-door', 'advice-given', 'no-further-action'])(
    'records %s with its reason after acknowledgement',
    (outcome) => {
      const command = recordOutcome({ outcome, reason: 'Reason given by the lead', by: 'staff-deputy' });
      given([opened(), acknowledged()])
        .when(command)
        .then([{ type: 'CaseOutcomeRecorded', data: command.data }]);
    },
  );

  it('needs the case acknowledged first', () => {
    given([opened()]).when(recordOutcome()).thenThrows(RuleBroken, 'case-not-acknowledged');
    given([opened(), escalated()]).when(recordOutcome()).thenThrows(RuleBroken, 'case-not-acknowledged');
  });

  it('needs a reason and a known outcome', () => {
    given([opened(), acknowledged()])
      .when(recordOutcome({ reason: '  ' }))
      .thenThrows(InvalidInput);
    given([opened(), acknowledged()])
      .when(recordOutcome({ outcome: 'closed' as never }))
      .thenThrows(InvalidInput);
  });

  it('is recorded by the named lead or deputy only', () => {
    given([opened(), acknowledged()])
      .when(recordOutcome({ by: 'staff-someone-else' }))
      .thenThrows(Forbidden);
  });

  it('is recorded once', () => {
    given([opened(), acknowledged(), outcomeRecorded()])
      .when(recordOutcome({ outcome: 'no-further-action' }))
      .thenThrows(RuleBroken, 'outcome-already-recorded');
  });

  it('does not know a case never opened', () => {
    given([]).when(recordOutcome()).thenThrows(NotFound);
  });
});

describe('safeguarding case: overdue is derived from the clock', () => {
  const open = fold(safeguardingCaseDecider, [opened()]);

  it('is overdue from the deadline on, not before', () => {
    expect(isOverdue(open, '2026-03-02T10:14:59Z')).toBe(false);
    expect(isOverdue(open, dueBy)).toBe(true);
    expect(isOverdue(open, '2026-03-02T11:15:00+01:00')).toBe(true);
  });

  it('stays overdue after escalation until someone acknowledges', () => {
    const escalatedCase = fold(safeguardingCaseDecider, [opened(), escalated()]);
    expect(isOverdue(escalatedCase, '2026-03-02T12:00:00Z')).toBe(true);
    const acknowledgedLate = fold(safeguardingCaseDecider, [
      opened(),
      escalated(),
      acknowledged('staff-deputy', 'deputy', '2026-03-02T10:30:00Z', true),
    ]);
    expect(isOverdue(acknowledgedLate, '2026-03-02T12:00:00Z')).toBe(false);
  });

  it('is never overdue once acknowledged, closed, or if never opened', () => {
    expect(isOverdue(fold(safeguardingCaseDecider, [opened(), acknowledged()]), '2026-03-03T00:00:00Z')).toBe(false);
    const closed = fold(safeguardingCaseDecider, [opened(), acknowledged(), outcomeRecorded()]);
    expect(isOverdue(closed, '2026-03-03T00:00:00Z')).toBe(false);
    expect(isOverdue(fold(safeguardingCaseDecider, []), '2026-03-03T00:00:00Z')).toBe(false);
  });
});
