import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NotFound } from '#platform';
import { type Row, decodeRow, liveTables, optionalText, tableOf } from '#event-store';
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
import { meetingDetailProjection } from './meeting-detail.projection.js';

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
    const read = async (logical: string, order: string) => {
      const raw = await this.db
        .createQueryBuilder()
        .select('*')
        .from(tables![logical]!, 't')
        .where('t.tenant_id = :tenantId AND t.meeting_id = :meetingId', { tenantId, meetingId })
        .orderBy(`t.${order}`, 'ASC')
        .getRawMany<Record<string, unknown>>();
      return raw.map((row) => decodeRow(tableOf(meetingDetailProjection, logical), row));
    };
    const [meeting] = tables ? await read('meeting_detail', 'meeting_id') : [];
    if (!meeting) throw new NotFound('There is no such meeting in your board.');
    const [items, interests, timeline, decisions, names] = await Promise.all([
      read('meeting_agenda_items', 'position'),
      read('meeting_interests', 'position'),
      read('meeting_timeline', 'position'),
      read('meeting_decisions', 'recorded_at'),
      memberNames(this.db, tenantId),
    ]);
    const nameOf = (memberId: string) => names.get(memberId) ?? undefined;
    const minutesState = stateOfMinutes(meeting, items);
    const approval = meeting.minutes_approval as unknown as MinutesApprovalView | null;
    const attendance = (meeting.attendance as unknown as Array<Record<string, string | null>> | null) ?? [];

    return {
      meetingId: String(meeting.meeting_id),
      title: String(meeting.title),
      startsAt: String(meeting.starts_at),
      endsAt: optionalText(meeting.ends_at),
      place: optionalText(meeting.place),
      onlineLink: optionalText(meeting.online_link),
      status: String(meeting.status),
      jurisdiction: String(meeting.jurisdiction),
      cancelledReason: optionalText(meeting.cancelled_reason),
      adjournedReason: optionalText(meeting.adjourned_reason),
      notice: noticeOf(meeting.notice),
      agenda: items.map((item, index) => agendaItem(item, index, minutesState)),
      attendance: {
        recorded: meeting.present_count !== null,
        quorum: Number(meeting.quorum),
        presentCount: meeting.present_count === null ? undefined : Number(meeting.present_count),
        quorate: meeting.quorate === null ? undefined : Boolean(meeting.quorate),
        entries: attendance.map((entry): AttendanceEntryView => ({
          memberId: String(entry.memberId),
          name: nameOf(String(entry.memberId)),
          status: String(entry.status),
          substituteFor: optionalText(entry.substituteFor),
        })),
      },
      declarations: interests.map((interest) => ({
        memberId: String(interest.member_id),
        name: nameOf(String(interest.member_id)),
        itemId: String(interest.item_id),
        nature: String(interest.nature),
        declaredAt: String(interest.declared_at),
      })),
      minutes: {
        state: minutesState,
        draftedAt: optionalText(meeting.minutes_drafted_at),
        approval: approval ?? undefined,
        publishedAt: optionalText(meeting.minutes_published_at),
      },
      decisions: decisions.map((decision) => ({
        decisionId: String(decision.decision_id),
        itemId: String(decision.item_id),
        resolution: String(decision.resolution),
        kind: String(decision.kind),
        recordedAt: String(decision.recorded_at),
        amendedBy: decision.amended_by as string[],
        supersededBy: optionalText(decision.superseded_by),
      })),
      timeline: timeline.map((entry) => ({
        event: String(entry.event_type),
        status: String(entry.status),
        at: String(entry.at),
        detail: withoutNulls(entry.detail),
      })),
    };
  }
}

function stateOfMinutes(meeting: Row, items: readonly Row[]): MinutesState {
  if (meeting.minutes_published_at !== null) return 'published';
  if (meeting.minutes_approval !== null) return 'approved';
  if (meeting.minutes_drafted_at !== null) return 'drafted';
  if (meeting.present_count !== null || items.some((item) => item.minutes_text !== null)) return 'being-taken';
  return 'none';
}

function agendaItem(item: Row, index: number, state: MinutesState): AgendaItemView {
  const recorded = optionalText(item.minutes_text);
  const corrected = optionalText(item.corrected_text);
  const asRecorded = recorded ?? '';
  return {
    itemId: String(item.item_id),
    number: index + 1,
    title: String(item.title),
    purpose: String(item.purpose),
    lead: String(item.lead),
    themes: item.themes as string[],
    principles: item.principles as string[],
    papers: (item.papers as unknown as Array<Record<string, string | null>>).map((paper): PaperView => ({
      title: String(paper.title),
      link: optionalText(paper.link),
      fileRef: optionalText(paper.fileRef),
    })),
    restricted: Boolean(item.restricted),
    standing: Boolean(item.standing),
    withdrawn: Boolean(item.withdrawn),
    withdrawnReason: optionalText(item.withdrawn_reason),
    urgencyReason: optionalText(item.urgency_reason),
    addedAt: String(item.added_at),
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

function noticeOf(value: Row[string]): NoticeView | undefined {
  if (value === null || value === undefined) return undefined;
  const notice = value as unknown as NoticeView & { urgencyReason: string | null };
  return { ...notice, urgencyReason: notice.urgencyReason ?? undefined };
}

function withoutNulls(value: Row[string]): Record<string, unknown> | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}
