import { table, type Projection, type ProjectionTx, type RecordedEvent, type RowOf } from '#event-store';
import { londonDateOf, type MeetingEvent } from '../../domain/index.js';
import { MEETING_STATUS_EVENTS, statusAfter } from '../meeting-status.js';

export const CALENDAR = table({
  name: 'meeting_calendar',
  columns: {
    tenant_id: 'text',
    meeting_id: 'text',
    title: 'text',
    starts_at: 'text',
    // Epoch milliseconds: instants written with different offsets sort correctly.
    starts_at_ms: 'integer',
    ends_at: { type: 'text', nullable: true },
    // The London date of the start, for date-range filters.
    meeting_on: 'text',
    place: { type: 'text', nullable: true },
    online_link: { type: 'text', nullable: true },
    status: 'text',
    agenda_published_at: { type: 'text', nullable: true },
    cancelled_reason: { type: 'text', nullable: true },
    sequence: 'integer',
    updated_at: 'text',
  },
  primaryKey: ['tenant_id', 'meeting_id'],
  indexes: [['tenant_id', 'meeting_on']],
});

type CalendarRow = RowOf<typeof CALENDAR>;

/**
 * One row per meeting: when and where, and where it has got to. Feeds the meetings list and the
 * iCalendar feed; `sequence` counts the changes a calendar app must pick up (reschedule, cancel).
 */
export const meetingsCalendarProjection: Projection = {
  name: 'board_meetings_calendar',
  version: 1,
  eventTypes: [...new Set(['MeetingRescheduled', ...MEETING_STATUS_EVENTS])],
  streamPrefixes: ['meeting-'],
  tables: [CALENDAR],
  async apply(recorded: RecordedEvent, tx) {
    const tenant_id = recorded.metadata.tenantId;
    const event = { type: recorded.type, data: recorded.data } as MeetingEvent;
    const key = { tenant_id, meeting_id: event.data.meetingId };
    const status = statusAfter(event.type);
    switch (event.type) {
      case 'MeetingScheduled': {
        const { title, startsAt, endsAt, place, onlineLink, at } = event.data;
        await tx.upsert(CALENDAR, {
          ...key,
          title,
          ...when(startsAt, endsAt),
          place: place ?? null,
          online_link: onlineLink ?? null,
          status: 'scheduled',
          sequence: 0,
          updated_at: at,
        });
        return;
      }
      case 'MeetingRescheduled': {
        const { startsAt, endsAt, place, onlineLink, at } = event.data;
        const venue = { place: place ?? null, online_link: onlineLink ?? null };
        await changed(tx, key, { ...when(startsAt, endsAt), ...venue, updated_at: at });
        return;
      }
      case 'MeetingCancelled':
        await changed(tx, key, { status: 'cancelled', cancelled_reason: event.data.reason, updated_at: event.data.at });
        return;
      case 'AgendaPublished':
        await tx.update(CALENDAR, key, {
          status: 'agenda-published',
          agenda_published_at: event.data.at,
          updated_at: event.data.at,
        });
        return;
      default:
        if (status) await tx.update(CALENDAR, key, { status, updated_at: event.data.at });
    }
  },
};

/** A change calendar apps must notice: bumps the iCalendar SEQUENCE. */
async function changed(
  tx: ProjectionTx,
  key: Pick<CalendarRow, 'tenant_id' | 'meeting_id'>,
  set: Partial<CalendarRow>,
): Promise<void> {
  const row = await tx.findOne(CALENDAR, key);
  if (!row) return;
  await tx.update(CALENDAR, key, { ...set, sequence: row.sequence + 1 });
}

function when(startsAt: string, endsAt: string | undefined) {
  return {
    starts_at: startsAt,
    starts_at_ms: Date.parse(startsAt),
    ends_at: endsAt ?? null,
    meeting_on: londonDateOf(startsAt),
  };
}
