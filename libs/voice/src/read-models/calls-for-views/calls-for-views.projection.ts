import { json, table, type Projection, type RecordedEvent, type RowOf } from '#event-store';
import type { CallForViewsEvent, ContributionEvent } from '../../domain/index.js';

export const CALLS_TABLE = table({
  name: 'participation_calls',
  columns: {
    tenant_id: 'text',
    call_id: 'text',
    question: 'text',
    closes_on: 'text',
    meeting_id: { type: 'text', nullable: true },
    item_id: { type: 'text', nullable: true },
    themes: json<string[]>(),
    opened_at: 'text',
    closed_at: { type: 'text', nullable: true },
  },
  primaryKey: ['tenant_id', 'call_id'],
  indexes: [['tenant_id', 'closes_on']],
});

export type CallRow = RowOf<typeof CALLS_TABLE>;

export const CALL_VIEWS_TABLE = table({
  name: 'participation_call_views',
  columns: { tenant_id: 'text', contribution_id: 'text', call_id: 'text', late: 'boolean' },
  primaryKey: ['tenant_id', 'contribution_id'],
  indexes: [['tenant_id', 'call_id']],
});

/**
 * The board's calls for views, and which views answer each (ids and lateness only: never words, never
 * who). A view withdrawn by its author or erased leaves its call's counts, as it leaves every board view.
 */
export const callsForViewsProjection: Projection = {
  name: 'voice_calls_for_views',
  version: 1,
  eventTypes: [
    'CallForViewsOpened',
    'CallForViewsClosed',
    'ContributionSubmitted',
    'ContributionWithdrawn',
    'ContributionErased',
  ],
  streamPrefixes: ['call-for-views-', 'contribution-'],
  tables: [CALLS_TABLE, CALL_VIEWS_TABLE],
  async apply(recorded: RecordedEvent, tx) {
    const tenant_id = recorded.metadata.tenantId;
    const event = { type: recorded.type, data: recorded.data } as CallForViewsEvent | ContributionEvent;
    switch (event.type) {
      case 'CallForViewsOpened': {
        const { callId, question, closesOn, meetingId, itemId, themes, at } = event.data;
        await tx.upsert(CALLS_TABLE, {
          tenant_id,
          call_id: callId,
          question,
          closes_on: closesOn,
          meeting_id: meetingId ?? null,
          item_id: itemId ?? null,
          themes: [...themes],
          opened_at: at,
          closed_at: null,
        });
        return;
      }
      case 'CallForViewsClosed':
        await tx.update(CALLS_TABLE, { tenant_id, call_id: event.data.callId }, { closed_at: event.data.at });
        return;
      case 'ContributionSubmitted': {
        const { contributionId, target, late } = event.data;
        if (target.kind !== 'call') return;
        await tx.upsert(CALL_VIEWS_TABLE, { tenant_id, contribution_id: contributionId, call_id: target.callId, late });
        return;
      }
      case 'ContributionWithdrawn':
      case 'ContributionErased':
        await tx.delete(CALL_VIEWS_TABLE, { tenant_id, contribution_id: event.data.contributionId });
        return;
      default:
        return;
    }
  },
};
