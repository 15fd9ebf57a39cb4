import { fold, InvalidInput, NotFound, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type { CloseCallForViews, OpenCallForViews } from './call-for-views.commands.js';
import { callForViewsDecider } from './call-for-views.decider.js';
import type { CallForViewsClosed, CallForViewsOpened } from './call-for-views.events.js';
import { callForViewsFacts } from './call-for-views.queries.js';

const { given } = givenWhenThen(callForViewsDecider);

const at = '2026-03-02T09:00:00Z';
const open = (overrides: Partial<OpenCallForViews['data']> = {}): OpenCallForViews => ({
  type: 'OpenCallForViews',
  data: {
    callId: 'call-1',
    question: 'What would make moving to a new placement less scary?',
    closesOn: '2026-03-31',
    meetingId: 'meeting-2026-04',
    itemId: 'placement-stability-report',
    themes: ['placement-stability'],
    at,
    ...overrides,
  },
});
const opened = (overrides: Partial<OpenCallForViews['data']> = {}): CallForViewsOpened => ({
  type: 'CallForViewsOpened',
  data: open(overrides).data,
});
const close = (when: string, reason?: string): CloseCallForViews => ({
  type: 'CloseCallForViews',
  data: { callId: 'call-1', reason, at: when },
});
const closed = (when: string, reason?: string): CallForViewsClosed => ({
  type: 'CallForViewsClosed',
  data: { callId: 'call-1', reason, at: when },
});

describe('call for views: opening', () => {
  it('opens a question with a closing date, linked to a meeting item and themes', () => {
    given([]).when(open()).then([opened()]);
  });

  it('may stand alone, without a meeting', () => {
    given([])
      .when(open({ meetingId: undefined, itemId: undefined }))
      .then([opened({ meetingId: undefined, itemId: undefined })]);
  });

  it('needs a question, a real closing date, and a meeting for an agenda item', () => {
    given([])
      .when(open({ question: '  ' }))
      .thenThrows(InvalidInput);
    given([])
      .when(open({ question: 'x'.repeat(1001) }))
      .thenThrows(InvalidInput);
    given([])
      .when(open({ closesOn: '2026-02-30' }))
      .thenThrows(InvalidInput);
    given([])
      .when(open({ meetingId: undefined }))
      .thenThrows(InvalidInput);
    given([])
      .when(open({ themes: ['health', 'health'] }))
      .thenThrows(InvalidInput);
  });

  it('cannot close before the London day it opens; closing that same day is fine', () => {
    // 00:30 BST on 1 June is still 31 May in UTC: the London day decides.
    const lateNight = '2026-05-31T23:30:00Z';
    given([])
      .when(open({ closesOn: '2026-05-31', at: lateNight }))
      .thenThrows(RuleBroken, 'closing-date-in-past');
    given([])
      .when(open({ closesOn: '2026-06-01', at: lateNight }))
      .then([opened({ closesOn: '2026-06-01', at: lateNight })]);
  });

  it('opens once', () => {
    given([opened()]).when(open()).thenThrows(RuleBroken, 'call-already-opened');
  });
});

describe('call for views: closing early', () => {
  it('closes an open call before its closing date, with an optional reason', () => {
    given([opened()])
      .when(close('2026-03-20T12:00:00Z', 'The meeting was brought forward'))
      .then([closed('2026-03-20T12:00:00Z', 'The meeting was brought forward')]);
    given([opened()])
      .when(close('2026-03-31T22:59:00Z'))
      .then([closed('2026-03-31T22:59:00Z')]);
  });

  it('cannot close a call whose closing date has passed, or one closed already', () => {
    // 23:30 UTC on 31 March is 00:30 BST on 1 April: past the closing date.
    given([opened()]).when(close('2026-03-31T23:30:00Z')).thenThrows(RuleBroken, 'call-closed');
    given([opened(), closed('2026-03-20T12:00:00Z')])
      .when(close('2026-03-21T12:00:00Z'))
      .thenThrows(RuleBroken, 'call-closed');
  });

  it('does not know a call never opened', () => {
    given([]).when(close('2026-03-20T12:00:00Z')).thenThrows(NotFound);
  });
});

describe('call for views: facts for a contribution', () => {
  it('describes an opened, a closed-early and an unknown call', () => {
    const state = fold(callForViewsDecider, [opened()]);
    expect(callForViewsFacts('call-1', state)).toEqual({ callId: 'call-1', status: 'opened', closesOn: '2026-03-31' });
    const early = fold(callForViewsDecider, [opened(), closed('2026-03-20T12:00:00Z')]);
    expect(callForViewsFacts('call-1', early)).toEqual({
      callId: 'call-1',
      status: 'closed-early',
      closesOn: '2026-03-31',
      closedAt: '2026-03-20T12:00:00Z',
    });
    expect(callForViewsFacts('call-2', callForViewsDecider.initialState())).toEqual({
      callId: 'call-2',
      status: 'not-found',
    });
  });
});
