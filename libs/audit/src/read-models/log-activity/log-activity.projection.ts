import { table, type Projection, type RecordedEvent } from '#event-store';

export const LOG_ACTIVITY = table({
  name: 'log_activity',
  columns: { tenant_id: 'text', day: 'text', event_type: 'text', events: 'integer', last_position: 'text' },
  primaryKey: ['tenant_id', 'day', 'event_type'],
});

/**
 * How busy the log is: events per tenant, day and type. It answers an auditor's first question
 * ("what happened, and when?") and feeds the activity chart. Ids and counts only: no personal data.
 */
export const logActivityProjection: Projection = {
  name: 'log_activity',
  version: 1,
  eventTypes: 'all',
  tables: [LOG_ACTIVITY],
  async apply(event: RecordedEvent, tx) {
    const key = {
      tenant_id: event.metadata.tenantId,
      day: event.metadata.recordedAt.slice(0, 10),
      event_type: event.type,
    };
    await tx.increment(LOG_ACTIVITY, key, 'events', 1, { last_position: event.position });
    await tx.update(LOG_ACTIVITY, key, { last_position: event.position });
  },
};
