// The audit's folds against the board's own evolve functions (a spec may reach into the board's
// domain: the boundary rule applies to production code). If the board changes its state, this fails.
import {
  evolveDecision,
  evolveMeeting,
  initialDecisionState,
  initialMeetingState,
  type DecisionEvent,
  type MeetingEvent,
} from '../../../../board/src/domain/index.js';
import { recorded } from '../../../../board/src/domain/decision/decision.test-fixtures.js';
import { APPROVED, event } from '../../../../board/src/domain/meeting/meeting.test-fixtures.js';
import { normaliseInstant, within } from './cut.js';
import { evolveDecisionAsAt, initialDecisionAsAt } from './decision-as-at.js';
import { evolveMeetingAsAt, initialMeetingAsAt } from './meeting-as-at.js';
import { viewAt, type TimelineRow } from './view-availability.js';
import { viewEventData } from './view-event-data.js';

describe('the audit folds agree with the board’s evolve, event by event', () => {
  it('decision: recorded, amended twice, superseded', () => {
    const events: DecisionEvent[] = [
      recorded({
        voiceEvidence: {
          contributions: [
            { contributionId: 'v1', influence: 'shaped', rationale: 'Because.' },
            { contributionId: 'v2', influence: 'informed', rationale: 'Also.' },
          ],
        },
      }),
      { type: 'DecisionAmended', data: { decisionId: 'd', byDecisionId: 'd2', reason: 'r', changes: 'c', at: 'x' } },
      { type: 'DecisionAmended', data: { decisionId: 'd', byDecisionId: 'd3', reason: 'r3', changes: 'c3', at: 'y' } },
      { type: 'DecisionSuperseded', data: { decisionId: 'd', byDecisionId: 'd4', reason: 'r4', at: 'z' } },
    ];
    let board = initialDecisionState();
    let audit = initialDecisionAsAt();
    expect(audit).toEqual(board);
    for (const e of events) {
      board = evolveDecision(board, e);
      audit = evolveDecisionAsAt(audit, e);
      const { content, ...state } = audit;
      expect(state).toEqual(board);
      expect(content).toEqual(events[0]!.data);
    }
    expect(audit.citedContributionIds).toEqual(['v1', 'v2']);
    expect(audit.status).toBe('superseded');
  });

  it('meeting: scheduled to minutes approved, with a reschedule, withdrawal, reorder and interest', () => {
    const extra: MeetingEvent[] = [
      event('MeetingRescheduled', { startsAt: '2026-04-15T17:30:00+01:00', place: 'Room 2' }),
      event('AgendaItemWithdrawn', { itemId: 'placement-stability-report', reason: 'Not ready' }),
      event('AgendaReordered', { itemIds: ['apologies', 'minutes-of-last-meeting'] }),
      event('InterestDeclared', { memberId: 'chair', itemId: 'apologies', nature: 'A relative' }),
      event('MinutesPublished', {}),
      event('MeetingAdjourned', { reason: 'Fire alarm' }),
      event('MeetingCancelled', { reason: 'No quorum' }),
    ];
    let board = initialMeetingState();
    let audit = initialMeetingAsAt();
    expect(audit).toEqual(board);
    for (const e of [...APPROVED, ...extra]) {
      board = evolveMeeting(board, e);
      audit = evolveMeetingAsAt(audit, e);
      expect(audit).toEqual(board);
    }
  });

  it('an unknown event type changes nothing', () => {
    const state = evolveDecisionAsAt(initialDecisionAsAt(), recorded());
    expect(evolveDecisionAsAt(state, { type: 'SomethingNew', data: {} })).toBe(state);
  });
});

describe('cuts', () => {
  const e = { position: '00000000000000000010', recordedAt: '2026-03-02T09:00:00.000Z' };
  it('compares positions as fixed-width strings and times as instants', () => {
    expect(within(e, { kind: 'position', position: '00000000000000000010' })).toBe(true);
    expect(within(e, { kind: 'position', position: '00000000000000000009' })).toBe(false);
    expect(within(e, { kind: 'time', asAt: '2026-03-02T08:59:59.999Z' })).toBe(false);
    expect(within(e, { kind: 'time', asAt: '2026-03-02T09:00:00.000Z' })).toBe(true);
    expect(within(e, { kind: 'now' })).toBe(true);
  });

  it('reads an instant in any offset, as UTC; refuses dates, local times and nonsense', () => {
    expect(normaliseInstant('2026-03-02T10:00:00+01:00')).toBe('2026-03-02T09:00:00.000Z');
    expect(normaliseInstant('2026-03-02T10:00:00 01:00')).toBe('2026-03-02T09:00:00.000Z');
    expect(normaliseInstant('2026-03-02T09:00Z')).toBe('2026-03-02T09:00:00.000Z');
    for (const bad of [
      '2026-03-02',
      '2026-03-02T09:00:00',
      'yesterday',
      '2026-13-02T09:00:00Z',
      '2026-02-30T09:00:00Z',
      '',
    ]) {
      expect({ bad, instant: normaliseInstant(bad) }).toEqual({ bad, instant: undefined });
    }
  });
});

describe('a view at a cut', () => {
  const row = (kind: string, n: number, extra: Partial<TimelineRow> = {}): TimelineRow => ({
    contributionId: 'v',
    kind,
    position: String(n).padStart(20, '0'),
    recordedAt: `2026-03-0${n}T00:00:00.000Z`,
    meetingId: null,
    itemId: null,
    decisionId: null,
    influence: null,
    themes: null,
    arrival: null,
    ...extra,
  });
  const rows = [
    row('submitted', 1, { themes: ['school'], arrival: 12 }),
    row('accepted', 2),
    row('tabled', 3),
    row('withdrawn', 5),
  ];
  const at = (n: number) => ({ kind: 'position' as const, position: String(n).padStart(20, '0') });

  it('is available between acceptance and withdrawal, and says it was later withdrawn', () => {
    expect(viewAt('v', rows, at(1))).toMatchObject({ status: 'not-yet-accepted', available: false });
    expect(viewAt('v', rows, at(4))).toEqual({
      contributionId: 'v',
      arrival: 12,
      themes: ['school'],
      status: 'available',
      available: true,
      withheld: false,
      laterWithdrawn: true,
    });
    expect(viewAt('v', rows, at(5))).toMatchObject({ status: 'withdrawn', available: false, laterWithdrawn: false });
  });

  it('is withheld, then and always, once escalated at any time', () => {
    const escalatedLater = [...rows.slice(0, 3), row('escalated', 6)];
    expect(viewAt('v', escalatedLater, at(4))).toMatchObject({ withheld: true, available: false });
  });
});

describe('what an audit sees of a view’s event', () => {
  it('never words nor identity', () => {
    const submitted = viewEventData('ContributionSubmitted', {
      contributionId: 'v',
      authorPseudonym: 'yp-secret',
      text: 'My words',
      themes: ['school'],
      target: { kind: 'meeting', meetingId: 'm' },
      channel: 'online',
      submittedBy: 'advocate-1',
      ageBand: '13-15',
      careStatus: 'care-leaver',
      sharing: 'anonymous-quote',
      receiptCodeHash: 'hash',
      late: false,
      at: 'x',
    });
    expect(submitted).toEqual({
      themes: ['school'],
      channel: 'online',
      sharing: 'anonymous-quote',
      late: false,
      target: { kind: 'meeting', meetingId: 'm' },
      enteredByStaff: true,
    });
    const text = JSON.stringify([
      submitted,
      viewEventData('ContributionAcceptedWithRedactions', { authorPseudonym: 'yp-secret', text: 'My words' }),
      viewEventData('ContributionWithdrawn', { authorPseudonym: 'yp-secret', reason: 'My words', previousStatus: 'x' }),
      viewEventData('ContributionFeedbackRecorded', {
        text: 'My words',
        feedbackId: 'f',
        decisionIds: [],
        actionIds: [],
      }),
      viewEventData('ContributionQuestionAsked', { question: 'My words', authorPseudonym: 'yp-secret' }),
      viewEventData('ContributionSummarised', { text: 'My words', version: 1, authorPseudonym: 'yp-secret' }),
      viewEventData('ContributionSummaryChangeRequested', { message: 'My words', authorPseudonym: 'yp-secret' }),
      viewEventData('ContributionDeclined', { reason: 'repeat', note: 'My words', authorPseudonym: 'yp-secret' }),
      viewEventData('SomethingNew', { text: 'My words' }),
    ]);
    expect(text).not.toMatch(/My words|yp-secret|advocate-1|13-15|care-leaver|hash/);
  });
});
