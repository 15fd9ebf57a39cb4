import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { listedStatus, type ListedMeetingStatus } from '../meeting-status.js';
import { decodeRow, liveTables, optionalText } from '#event-store';
import type { MeetingSummaryView } from './meetings-calendar.dto.js';
import { CALENDAR, meetingsCalendarProjection } from './meetings-calendar.projection.js';

export interface MeetingsFilter {
  readonly from?: string;
  readonly to?: string;
  readonly status?: ListedMeetingStatus;
}

/** The caller's meetings, earliest first, optionally within London dates and of one status. */
export class GetMeetings extends Query<MeetingSummaryView[]> {
  constructor(
    readonly tenantId: string,
    readonly filter: MeetingsFilter = {},
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetMeetings)
export class GetMeetingsHandler implements IQueryHandler<GetMeetings, MeetingSummaryView[]> {
  constructor(private readonly db: DataSource) {}

  async execute({ tenantId, filter }: GetMeetings): Promise<MeetingSummaryView[]> {
    const tables = await liveTables(this.db, meetingsCalendarProjection);
    if (!tables) return []; // the runner has not started on this database yet
    const query = this.db
      .createQueryBuilder()
      .select('*')
      .from(tables[CALENDAR.name]!, 'm')
      .where('m.tenant_id = :tenantId', { tenantId });
    if (filter.from) query.andWhere('m.meeting_on >= :from', { from: filter.from });
    if (filter.to) query.andWhere('m.meeting_on <= :to', { to: filter.to });
    if (filter.status) query.andWhere('m.status = :status', { status: filter.status });
    query.orderBy('m.starts_at_ms', 'ASC').addOrderBy('m.meeting_id', 'ASC');
    const rows = (await query.getRawMany<Record<string, unknown>>()).map((raw) => decodeRow(CALENDAR, raw));
    return rows.map((row) => ({
      meetingId: row.meeting_id,
      title: row.title,
      startsAt: row.starts_at,
      endsAt: optionalText(row.ends_at),
      meetingOn: row.meeting_on,
      place: optionalText(row.place),
      onlineLink: optionalText(row.online_link),
      status: listedStatus(row.status),
      agendaPublishedAt: optionalText(row.agenda_published_at),
      cancelledReason: optionalText(row.cancelled_reason),
      sequence: row.sequence,
    }));
  }
}
