import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NotFound } from '#platform';
import { decodeRow, liveTables, optionalText, type ProjectionTable, type RowOf } from '#event-store';
import { decisionReference } from '../../contracts/decision-reference.js';
import { memberNames } from '../board-overview/member-names.js';
import type {
  AgendaItemView,
  AttendanceEntryView,
  MeetingDetailView,
  MinutesApprovalView,
  MinutesState,
  NoticeView,
  PaperView,
} from './meeting-detail.dto.js';
import {
  DECISIONS,
  INTERESTS,
  ITEMS,
  MEETING,
  TIMELINE,
  meetingDetailProjection,
  type TimelineDetail,
} from './meeting-detail.projection.js';

type MeetingRow = RowOf<typeof MEETING>;
type ItemRow = RowOf<typeof ITEMS>;

/** One meeting of the caller's board, in full; another board's meeting is not found. */
export class GetMeetingDetail extends Query<MeetingDetailView> {
  constructor(
    readonly tenantId: string,
    readonly meetingId: string,
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetMeetingDetail)
export class GetMeetingDetailHandler implements IQueryHandler<GetMeetingDetail, MeetingDetailView> {
  constructor(private readonly db: DataSource) {}

  async execute({ tenantId, meetingId }: GetMeetingDetail): Promise<MeetingDetailView> {
    const tables = await liveTables(this.db, meetingDetailProjection);
    const read = async <T extends ProjectionTable>(table: T, order: keyof T['columns'] & string) => {
      const raw = await this.db
        .createQueryBuilder()
        .select('*')
        .from(tables![table.name]!, 't')
        .where('t.tenant_id = :tenantId AND t.meeting_id = :meetingId', { tenantId, meetingId })
        .orderBy(`t.${order}`, 'ASC')
        .getRawMany<Record<string, unknown>>();
      return raw.map((row) => decodeRow(table, row));
    };
    const [meeting] = tables ? await read(MEETING, 'meeting_id') : [];
    if (!meeting) throw new NotFound('There is no such meeting in your board.');
    const [items, interests, timeline, decisions, names] = await Promise.all([
      read(ITEMS, 'position'),
      read(INTERESTS, 'position'),
      read(TIMELINE, 'position'),
      read(DECISIONS, 'recorded_at'),
      memberNames(this.db, tenantId),
    ]);
    const nameOf = (memberId: string) => names.get(memberId) ?? undefined;
    const minutesState = stateOfMinutes(meeting, items);
    const approval: MinutesApprovalView | null = meeting.minutes_approval;
    const attendance = meeting.attendance ?? [];

    return {
      meetingId: meeting.meeting_id,
      title: meeting.title,
      startsAt: meeting.starts_at,
      endsAt: optionalText(meeting.ends_at),
      place: optionalText(meeting.place),
      onlineLink: optionalText(meeting.online_link),
      status: meeting.status,
      jurisdiction: meeting.jurisdiction,
      cancelledReason: optionalText(meeting.cancelled_reason),
      adjournedReason: optionalText(meeting.adjourned_reason),
      notice: noticeOf(meeting.notice),
      agenda: items.map((item, index) => agendaItem(item, index, minutesState)),
      attendance: {
        recorded: meeting.present_count !== null,
        quorum: meeting.quorum,
        presentCount: meeting.present_count ?? undefined,
        quorate: meeting.quorate ?? undefined,
        entries: attendance.map((entry): AttendanceEntryView => ({
          memberId: entry.memberId,
          name: nameOf(entry.memberId),
          status: entry.status,
          substituteFor: optionalText(entry.substituteFor),
        })),
      },
      declarations: interests.map((interest) => ({
        memberId: interest.member_id,
        name: nameOf(interest.member_id),
        itemId: interest.item_id,
        nature: interest.nature,
        declaredAt: interest.declared_at,
      })),
      minutes: {
        state: minutesState,
        draftedAt: optionalText(meeting.minutes_drafted_at),
        approval: approval ?? undefined,
        publishedAt: optionalText(meeting.minutes_published_at),
      },
      decisions: decisions.map((decision) => ({
        decisionId: decision.decision_id,
        reference: decisionReference(decision.recorded_number),
        itemId: decision.item_id,
        resolution: decision.resolution,
        kind: decision.kind,
        recordedAt: decision.recorded_at,
        amendedBy: decision.amended_by,
        supersededBy: optionalText(decision.superseded_by),
      })),
      timeline: timeline.map((entry) => ({
        event: entry.event_type,
        status: entry.status,
        at: entry.at,
        detail: withoutNulls(entry.detail),
      })),
    };
  }
}

function stateOfMinutes(meeting: MeetingRow, items: readonly ItemRow[]): MinutesState {
  if (meeting.minutes_published_at !== null) return 'published';
  if (meeting.minutes_approval !== null) return 'approved';
  if (meeting.minutes_drafted_at !== null) return 'drafted';
  if (meeting.present_count !== null || items.some((item) => item.minutes_text !== null)) return 'being-taken';
  return 'none';
}

function agendaItem(item: ItemRow, index: number, state: MinutesState): AgendaItemView {
  const recorded = optionalText(item.minutes_text);
  const corrected = optionalText(item.corrected_text);
  const asRecorded = recorded ?? '';
  return {
    itemId: item.item_id,
    number: index + 1,
    title: item.title,
    purpose: item.purpose,
    lead: item.lead,
    themes: item.themes,
    principles: item.principles,
    papers: item.papers.map((paper): PaperView => ({
      title: paper.title,
      link: optionalText(paper.link),
      fileRef: optionalText(paper.fileRef),
    })),
    restricted: item.restricted,
    standing: item.standing,
    withdrawn: item.withdrawn,
    withdrawnReason: optionalText(item.withdrawn_reason),
    urgencyReason: optionalText(item.urgency_reason),
    addedAt: item.added_at,
    minutes:
      recorded === undefined && corrected === undefined
        ? undefined
        : {
            text: corrected ?? asRecorded,
            asRecorded,
            corrected: corrected !== undefined,
            recordedAt: optionalText(item.minutes_recorded_at) ?? '',
            state,
          },
  };
}

function noticeOf(notice: MeetingRow['notice']): NoticeView | undefined {
  return notice === null ? undefined : { ...notice, urgencyReason: notice.urgencyReason ?? undefined };
}

function withoutNulls(detail: TimelineDetail | null): Record<string, string> | undefined {
  if (detail === null) return undefined;
  return Object.fromEntries(Object.entries(detail).filter((entry): entry is [string, string] => entry[1] !== null));
}
