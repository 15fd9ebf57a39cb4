import { fold, InvalidInput, NotFound, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type {
  CancelModerationDeadline,
  EscalateOverdueModeration,
  MeetModerationDeadline,
  ModerationDecision,
  StartModerationDeadline,
} from './moderation-deadline.commands.js';
import { moderationDeadlineDecider } from './moderation-deadline.decider.js';
import type {
  ModerationDeadlineMet,
  ModerationDeadlineStarted,
  ModerationEscalatedToLead,
} from './moderation-deadline.events.js';
import { isModerationOverdue } from './moderation-deadline.state.js';
import { moderationDueBy } from './moderation-window.js';

const { given } = givenWhenThen(moderationDeadlineDecider);

const contributionId = 'contribution-7';
// The Thursday before Easter 2026, 10:00 in London (BST).
const submittedAt = '2026-04-02T09:00:00Z';
// Good Friday, the weekend and Easter Monday skipped: Tuesday and Wednesday are the two working days.
const dueBy = '2026-04-08T23:00:00.000Z';

const start = (overrides: Partial<StartModerationDeadline['data']> = {}): StartModerationDeadline => ({
  type: 'StartModerationDeadline',
  data: {
    contributionId,
    reason: 'submitted',
    windowWorkingDays: 2,
    jurisdiction: 'england',
    at: submittedAt,
    ...overrides,
  },
});
const started = (overrides: Partial<ModerationDeadlineStarted['data']> = {}): ModerationDeadlineStarted => ({
  type: 'ModerationDeadlineStarted',
  data: {
    contributionId,
    round: 1,
    reason: 'submitted',
    windowWorkingDays: 2,
    jurisdiction: 'england',
    dueBy,
    at: submittedAt,
    ...overrides,
  },
});
const meet = (decision: ModerationDecision, at = '2026-04-07T11:00:00Z'): MeetModerationDeadline => ({
  type: 'MeetModerationDeadline',
  data: { contributionId, decision, at },
});
const met = (overrides: Partial<ModerationDeadlineMet['data']> = {}): ModerationDeadlineMet => ({
  type: 'ModerationDeadlineMet',
  data: {
    contributionId,
    round: 1,
    decision: 'accepted',
    dueBy,
    late: false,
    escalated: false,
    at: '2026-04-07T11:00:00Z',
    ...overrides,
  },
});
const cancel = (reason: CancelModerationDeadline['data']['reason']): CancelModerationDeadline => ({
  type: 'CancelModerationDeadline',
  data: { contributionId, reason, at: '2026-04-07T12:00:00Z' },
});
const escalate = (at: string, lead: string | null = 'staff-moderation-lead'): EscalateOverdueModeration => ({
  type: 'EscalateOverdueModeration',
  data: { contributionId, lead, at },
});
const escalated = (
  at = '2026-04-08T23:01:00Z',
  overrides: Partial<ModerationEscalatedToLead['data']> = {},
): ModerationEscalatedToLead => ({
  type: 'ModerationEscalatedToLead',
  data: { contributionId, round: 1, lead: 'staff-moderation-lead', dueBy, waitingSince: submittedAt, at, ...overrides },
});

describe('moderation window: when a view is due', () => {
  it('is due at the end of the window’s last working day after the day it arrived, in London', () => {
    // Over Easter: Good Friday, the weekend and Easter Monday do not count.
    expect(moderationDueBy(submittedAt, 2, 'england')).toBe(dueBy);
    expect(moderationDueBy(submittedAt, 2, 'wales')).toBe(dueBy);
    // Monday morning in winter: the end of Wednesday, GMT.
    expect(moderationDueBy('2026-03-02T09:00:00Z', 2, 'england')).toBe('2026-03-05T00:00:00.000Z');
    // Late on Friday: the day it arrived never counts, the weekend neither.
    expect(moderationDueBy('2026-03-06T16:59:00Z', 1, 'england')).toBe('2026-03-10T00:00:00.000Z');
    // Sent on Saturday: Monday and Tuesday.
    expect(moderationDueBy('2026-03-07T12:00:00Z', 2, 'england')).toBe('2026-03-11T00:00:00.000Z');
  });

  it('reads the day of arrival on London’s clock, not UTC’s', () => {
    // 23:30 UTC on Wednesday 1 April is 00:30 on Thursday in London.
    expect(moderationDueBy('2026-04-01T23:30:00Z', 2, 'england')).toBe(dueBy);
  });
});

describe('moderation deadline: starting', () => {
  it('starts when a view arrives, due at the end of the window', () => {
    given([]).when(start()).then([started()]);
    given([])
      .when(start({ windowWorkingDays: 5 }))
      .then([started({ windowWorkingDays: 5, dueBy: '2026-04-13T23:00:00.000Z' })]);
  });

  it('starts once: a replay decides nothing', () => {
    given([started()]).when(start()).then([]);
    given([started(), met()]).when(start()).then([]);
  });

  it('starts a new round when the author answers a moderator’s question', () => {
    const answeredAt = '2026-04-09T08:00:00Z';
    given([started(), met({ decision: 'question-asked' })])
      .when(start({ reason: 'answered', at: answeredAt }))
      .then([started({ round: 2, reason: 'answered', at: answeredAt, dueBy: '2026-04-13T23:00:00.000Z' })]);
  });

  it('starts no new round after any other decision, a withdrawal or while still waiting', () => {
    for (const decision of [
      'accepted',
      'accepted-with-redactions',
      'declined',
      'escalated-for-safeguarding',
    ] as const) {
      given([started(), met({ decision })])
        .when(start({ reason: 'answered' }))
        .then([]);
    }
    given([
      started(),
      { type: 'ModerationDeadlineCancelled', data: { contributionId, round: 1, reason: 'withdrawn', at: submittedAt } },
    ])
      .when(start({ reason: 'answered' }))
      .then([]);
    given([started()])
      .when(start({ reason: 'answered' }))
      .then([]);
  });

  it('refuses a window out of bounds, an unknown calendar and a time without a zone', () => {
    for (const windowWorkingDays of [0, 11, 1.5, Number.NaN]) {
      given([]).when(start({ windowWorkingDays })).thenThrows(InvalidInput);
    }
    const error = given([])
      .when(
        start({
          contributionId: ' ',
          jurisdiction: 'scotland' as never,
          reason: 'later' as never,
          at: '2026-04-02T10:00',
        }),
      )
      .thenThrows(InvalidInput);
    expect(error.errors.map((e) => e.field)).toEqual(['contributionId', 'reason', 'jurisdiction', 'at']);
  });
});

describe('moderation deadline: a person reads the view', () => {
  it.each<ModerationDecision>([
    'accepted',
    'accepted-with-redactions',
    'question-asked',
    'escalated-for-safeguarding',
    'declined',
  ])('is met by %s, in time', (decision) => {
    given([started()])
      .when(meet(decision))
      .then([met({ decision })]);
  });

  it('is met late at or after the deadline, saying whether it had gone to the lead', () => {
    given([started()])
      .when(meet('accepted', dueBy))
      .then([met({ late: true, at: dueBy })]);
    given([started(), escalated()])
      .when(meet('declined', '2026-04-09T09:00:00Z'))
      .then([met({ decision: 'declined', late: true, escalated: true, at: '2026-04-09T09:00:00Z' })]);
  });

  it('is met once; nothing to meet for a view that never waited (withheld by the screen at once)', () => {
    given([started(), met()]).when(meet('accepted')).then([]);
    given([]).when(meet('escalated-for-safeguarding')).then([]);
  });

  it('refuses an unknown decision', () => {
    given([started()])
      .when(meet('ignored' as never))
      .thenThrows(InvalidInput);
  });
});

describe('moderation deadline: the view leaves the queue unread', () => {
  it.each(['withdrawn', 'erased', 'withheld-by-screen'] as const)('is cancelled when %s', (reason) => {
    given([started()])
      .when(cancel(reason))
      .then([
        { type: 'ModerationDeadlineCancelled', data: { contributionId, round: 1, reason, at: '2026-04-07T12:00:00Z' } },
      ]);
  });

  it('cancels nothing not waiting', () => {
    given([]).when(cancel('erased')).then([]);
    given([started(), met()]).when(cancel('withdrawn')).then([]);
  });
});

describe('moderation deadline: escalation to the moderation lead', () => {
  it('escalates at the deadline or after, naming the lead, the deadline and how long it has waited', () => {
    given([started()])
      .when(escalate(dueBy))
      .then([escalated(dueBy)]);
    given([started()]).when(escalate('2026-04-08T23:01:00Z')).then([escalated()]);
  });

  it('escalates with no one named when the board has no moderator', () => {
    given([started()])
      .when(escalate('2026-04-08T23:01:00Z', null))
      .then([escalated('2026-04-08T23:01:00Z', { lead: null })]);
  });

  it('fires once a round, whoever sends it', () => {
    given([started(), escalated()]).when(escalate('2026-04-09T10:00:00Z', 'someone-else')).then([]);
  });

  it('fires again for an answer that waits past its own deadline', () => {
    const answeredAt = '2026-04-09T08:00:00Z';
    const round2 = started({ round: 2, reason: 'answered', at: answeredAt, dueBy: '2026-04-13T23:00:00.000Z' });
    given([started(), escalated(), met({ decision: 'question-asked', late: true, escalated: true }), round2])
      .when(escalate('2026-04-14T09:00:00Z'))
      .then([
        escalated('2026-04-14T09:00:00Z', { round: 2, dueBy: '2026-04-13T23:00:00.000Z', waitingSince: answeredAt }),
      ]);
  });

  it('decides nothing once a person read it or it left the queue', () => {
    given([started(), met()]).when(escalate('2026-04-09T10:00:00Z')).then([]);
    given([
      started(),
      { type: 'ModerationDeadlineCancelled', data: { contributionId, round: 1, reason: 'erased', at: submittedAt } },
    ])
      .when(escalate('2026-04-09T10:00:00Z'))
      .then([]);
  });

  it('refuses a deadline not yet passed, so the timer tries again', () => {
    const error = given([started()])
      .when(escalate('2026-04-08T22:59:59Z'))
      .thenThrows(RuleBroken, 'moderation-not-yet-due');
    expect(error.details).toEqual({ dueBy });
  });

  it('does not know a view with no deadline', () => {
    given([]).when(escalate('2026-04-09T10:00:00Z')).thenThrows(NotFound);
  });
});

describe('moderation deadline: overdue is derived from the clock', () => {
  it('is overdue from the deadline on while waiting, escalated or not; never once read', () => {
    const waiting = fold(moderationDeadlineDecider, [started()]);
    expect(isModerationOverdue(waiting, '2026-04-08T22:59:59Z')).toBe(false);
    expect(isModerationOverdue(waiting, dueBy)).toBe(true);
    expect(isModerationOverdue(fold(moderationDeadlineDecider, [started(), escalated()]), '2026-04-10T00:00:00Z')).toBe(
      true,
    );
    expect(isModerationOverdue(fold(moderationDeadlineDecider, [started(), met()]), '2026-04-10T00:00:00Z')).toBe(
      false,
    );
    expect(isModerationOverdue(fold(moderationDeadlineDecider, []), '2026-04-10T00:00:00Z')).toBe(false);
  });
});
