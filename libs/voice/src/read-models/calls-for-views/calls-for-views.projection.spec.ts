import { projectionSpec } from '#testing';
import {
  callForViewsStream,
  contributionStream,
  type CallForViewsEvent,
  type ContributionEvent,
} from '../../domain/index.js';
import { event, submitted } from '../../domain/contribution/contribution.test-fixtures.js';
import { CALL_VIEWS_TABLE, CALLS_TABLE, callsForViewsProjection } from './calls-for-views.projection.js';

// The calls for views read model in the style of the deciders' specs: given the events so far, when
// these happen, then the table holds exactly these rows. The events are applied as the runner applies
// them (replayed from a real log into SQLite), and read back typed, as the queries read them.

const TENANT = 'tenant-north';
const OPENED_AT = '2026-03-01T09:00:00Z';

type Recorded = readonly [stream: string, event: CallForViewsEvent | ContributionEvent];

const projecting = (...history: Recorded[]) =>
  projectionSpec(callsForViewsProjection, { tenantId: TENANT }).given(...history);

const opened = (callId: string, extra: { meetingId?: string; itemId?: string } = {}): Recorded => [
  callForViewsStream(callId),
  {
    type: 'CallForViewsOpened',
    data: {
      callId,
      question: 'What should change?',
      closesOn: '2026-03-31',
      themes: ['placements'],
      at: OPENED_AT,
      ...extra,
    },
  },
];

const answering = (contributionId: string, callId: string, late = false): Recorded => [
  contributionStream(contributionId),
  submitted({ contributionId, target: { kind: 'call', callId }, late }),
];

describe('calls for views projection', () => {
  it('keeps a call as opened: question, closing day, meeting and item, themes, not closed', async () => {
    await projecting()
      .when(opened('call-1', { meetingId: 'm-1', itemId: 'i-1' }))
      .then(CALLS_TABLE, [
        {
          tenant_id: TENANT,
          call_id: 'call-1',
          question: 'What should change?',
          closes_on: '2026-03-31',
          meeting_id: 'm-1',
          item_id: 'i-1',
          themes: ['placements'],
          opened_at: OPENED_AT,
          closed_at: null,
        },
      ]);
  });

  it('records when a call is closed early', async () => {
    await projecting(opened('call-1'))
      .when([
        callForViewsStream('call-1'),
        { type: 'CallForViewsClosed', data: { callId: 'call-1', at: '2026-03-20T12:00:00Z' } },
      ])
      .then(CALLS_TABLE, [
        {
          tenant_id: TENANT,
          call_id: 'call-1',
          question: 'What should change?',
          closes_on: '2026-03-31',
          meeting_id: null,
          item_id: null,
          themes: ['placements'],
          opened_at: OPENED_AT,
          closed_at: '2026-03-20T12:00:00Z',
        },
      ]);
  });

  it('counts the views answering a call (and whether each was late), never views given elsewhere', async () => {
    await projecting(opened('call-1'))
      .when(answering('view-1', 'call-1'), answering('view-2', 'call-1', true), [
        contributionStream('view-3'),
        submitted({ contributionId: 'view-3' }),
      ])
      .then(CALL_VIEWS_TABLE, [
        { tenant_id: TENANT, contribution_id: 'view-1', call_id: 'call-1', late: false },
        { tenant_id: TENANT, contribution_id: 'view-2', call_id: 'call-1', late: true },
      ]);
  });

  it('drops a view its author withdrew, or that was erased', async () => {
    await projecting(
      opened('call-1'),
      answering('view-1', 'call-1'),
      answering('view-2', 'call-1'),
      answering('view-3', 'call-1'),
    )
      .when(
        [
          contributionStream('view-1'),
          event('ContributionWithdrawn', {
            contributionId: 'view-1',
            authorPseudonym: 'yp-1',
            previousStatus: 'submitted',
            escalated: false,
          }),
        ],
        [
          contributionStream('view-2'),
          event('ContributionErased', {
            contributionId: 'view-2',
            subject: 'yp:yp-2',
            erasedBy: 'dpo-1',
            ground: 'consent-withdrawn',
            reason: 'asked',
            previousStatus: 'submitted',
          }),
        ],
      )
      .then(CALL_VIEWS_TABLE, [{ tenant_id: TENANT, contribution_id: 'view-3', call_id: 'call-1', late: false }]);
  });
});
