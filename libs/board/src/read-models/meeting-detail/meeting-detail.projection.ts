import { json, table, type Projection, type ProjectionTx, type RecordedEvent, type RowOf } from '#event-store';
import type { DecisionEvent, MeetingEvent } from '../../domain/index.js';
import { MEETING_STATUS_EVENTS, statusAfter } from '../meeting-status.js';

/** The notice an agenda was published with (AgendaPublished's facts, on London dates). */
export interface NoticeGiven {
  readonly publishedAt: string;
  readonly publishedOn: string;
  readonly meetingOn: string;
  readonly clearWorkingDays: number;
  readonly requiredClearWorkingDays: number;
  readonly latestOn: string;
  readonly onTime: boolean;
  readonly urgencyReason: string | null;
}

export interface AttendanceGiven {
  readonly memberId: string;
  readonly status: string;
  readonly substituteFor: string | null;
}

export interface MinutesApproval {
  readonly approvedAtMeetingId: string;
  readonly decisionId: string;
  readonly at: string;
  readonly corrections: number;
}

export interface PaperGiven {
  readonly title: string;
  readonly link: string | null;
  readonly fileRef: string | null;
}

/** Non-personal facts of a change in a meeting's timeline: the new start, a reason. */
export type TimelineDetail = Readonly<Record<string, string | null>>;

export const MEETING = table({
  name: 'meeting_detail',
  columns: {
    tenant_id: 'text',
    meeting_id: 'text',
    title: 'text',
    starts_at: 'text',
    ends_at: { type: 'text', nullable: true },
    place: { type: 'text', nullable: true },
    online_link: { type: 'text', nullable: true },
    status: 'text',
    jurisdiction: 'text',
    quorum: 'integer',
    themes: json<string[]>(),
    principles: json<string[]>(),
    /** AgendaPublished's facts: the notice given, on London dates. */
    notice: json<NoticeGiven>(true),
    attendance: json<AttendanceGiven[]>(true),
    present_count: { type: 'integer', nullable: true },
    quorate: { type: 'boolean', nullable: true },
    cancelled_reason: { type: 'text', nullable: true },
    adjourned_reason: { type: 'text', nullable: true },
    minutes_drafted_at: { type: 'text', nullable: true },
    /** { approvedAtMeetingId, decisionId, at } once a later meeting approved the minutes. */
    minutes_approval: json<MinutesApproval>(true),
    minutes_published_at: { type: 'text', nullable: true },
  },
  primaryKey: ['tenant_id', 'meeting_id'],
});

export const ITEMS = table({
  name: 'meeting_agenda_items',
  columns: {
    tenant_id: 'text',
    meeting_id: 'text',
    item_id: 'text',
    position: 'integer',
    title: 'text',
    purpose: 'text',
    lead: 'text',
    themes: json<string[]>(),
    principles: json<string[]>(),
    papers: json<PaperGiven[]>(),
    restricted: 'boolean',
    standing: 'boolean',
    withdrawn: 'boolean',
    withdrawn_reason: { type: 'text', nullable: true },
    urgency_reason: { type: 'text', nullable: true },
    added_at: 'text',
    minutes_text: { type: 'text', nullable: true },
    minutes_recorded_at: { type: 'text', nullable: true },
    /** The text as corrected when the minutes were approved. */
    corrected_text: { type: 'text', nullable: true },
  },
  primaryKey: ['tenant_id', 'meeting_id', 'item_id'],
});

export const INTERESTS = table({
  name: 'meeting_interests',
  columns: {
    tenant_id: 'text',
    meeting_id: 'text',
    position: 'text',
    member_id: 'text',
    item_id: 'text',
    nature: 'text',
    declared_at: 'text',
  },
  primaryKey: ['tenant_id', 'meeting_id', 'position'],
});

export const TIMELINE = table({
  name: 'meeting_timeline',
  columns: {
    tenant_id: 'text',
    meeting_id: 'text',
    position: 'text',
    event_type: 'text',
    status: 'text',
    at: 'text',
    /** Non-personal facts of the change: the new start, a reason. */
    detail: json<TimelineDetail>(true),
  },
  primaryKey: ['tenant_id', 'meeting_id', 'position'],
});

export const DECISIONS = table({
  name: 'meeting_decisions',
  columns: {
    tenant_id: 'text',
    decision_id: 'text',
    /** Its place in the order decisions were recorded on this board: its short reference (D-0001). */
    recorded_number: 'integer',
    meeting_id: 'text',
    item_id: 'text',
    resolution: 'text',
    kind: 'text',
    recorded_at: 'text',
    amended_by: json<string[]>(),
    superseded_by: { type: 'text', nullable: true },
  },
  primaryKey: ['tenant_id', 'decision_id'],
  indexes: [['tenant_id', 'meeting_id']],
});

/** How many decisions each board has recorded: the next one's `recorded_number` is one more. */
export const DECISION_COUNT = table({
  name: 'meeting_decision_count',
  columns: { tenant_id: 'text', recorded: 'integer' },
  primaryKey: ['tenant_id'],
});

/**
 * Everything a meeting's page shows: agenda in order (withdrawn items kept, flagged, at the end),
 * the notice given, attendance and quorum, declarations, minutes per item with their corrections,
 * the decisions recorded at it and how its status moved.
 */
export const meetingDetailProjection: Projection = {
  name: 'board_meeting_detail',
  // MemberLeft and MemberArrived came with this release, so no log written before holds them and the
  // tables need no rebuild; a change to how an event already written is applied bumps the version.
  // 2: each decision's place in the order recorded on its board (its short reference).
  version: 2,
  eventTypes: [
    ...new Set([
      ...MEETING_STATUS_EVENTS,
      'MeetingRescheduled',
      'AgendaItemAdded',
      'AgendaItemWithdrawn',
      'AgendaReordered',
      'InterestDeclared',
      'MemberLeft',
      'MemberArrived',
      'MinutesRecorded',
      'DecisionRecorded',
      'DecisionAmended',
      'DecisionSuperseded',
    ]),
  ],
  streamPrefixes: ['meeting-', 'decision-'],
  tables: [MEETING, ITEMS, INTERESTS, TIMELINE, DECISIONS, DECISION_COUNT],
  async apply(recorded: RecordedEvent, tx) {
    const tenant_id = recorded.metadata.tenantId;
    const event = { type: recorded.type, data: recorded.data } as MeetingEvent | DecisionEvent;
    if (event.type.startsWith('Decision')) return applyDecision(event as DecisionEvent, tenant_id, tx);
    const meetingEvent = event as MeetingEvent;
    const key = { tenant_id, meeting_id: meetingEvent.data.meetingId };
    await applyMeeting(meetingEvent, key, recorded.position, tx);
    const status = statusAfter(meetingEvent.type);
    if (status || meetingEvent.type === 'MeetingRescheduled') {
      const current = status ?? (await tx.findOne(MEETING, key))?.status ?? 'scheduled';
      await tx.insert(TIMELINE, {
        ...key,
        position: recorded.position,
        event_type: meetingEvent.type,
        status: current,
        at: meetingEvent.data.at,
        detail: timelineDetail(meetingEvent),
      });
    }
  },
};

async function applyMeeting(event: MeetingEvent, key: MeetingKey, position: string, tx: ProjectionTx): Promise<void> {
  switch (event.type) {
    case 'MeetingScheduled': {
      const { title, startsAt, endsAt, place, onlineLink, jurisdiction, quorum, themes, principles } = event.data;
      await tx.upsert(MEETING, {
        ...key,
        title,
        starts_at: startsAt,
        ends_at: endsAt ?? null,
        place: place ?? null,
        online_link: onlineLink ?? null,
        status: 'scheduled',
        jurisdiction,
        quorum,
        themes: [...themes],
        principles: [...principles],
      });
      return;
    }
    case 'MeetingRescheduled': {
      const { startsAt, endsAt, place, onlineLink } = event.data;
      await tx.update(MEETING, key, {
        starts_at: startsAt,
        ends_at: endsAt ?? null,
        place: place ?? null,
        online_link: onlineLink ?? null,
      });
      return;
    }
    case 'MeetingCancelled':
      await tx.update(MEETING, key, { status: 'cancelled', cancelled_reason: event.data.reason });
      return;
    case 'AgendaItemAdded': {
      const { itemId, title, purpose, lead, themes, principles, papers, restricted, standing, urgencyReason, at } =
        event.data;
      await tx.insert(ITEMS, {
        ...key,
        item_id: itemId,
        position: (await tx.find(ITEMS, key)).length,
        title,
        purpose,
        lead,
        themes: [...themes],
        principles: [...principles],
        papers: papers.map((p) => ({ title: p.title, link: p.link ?? null, fileRef: p.fileRef ?? null })),
        restricted,
        standing,
        withdrawn: false,
        urgency_reason: urgencyReason ?? null,
        added_at: at,
      });
      return;
    }
    case 'AgendaItemWithdrawn': {
      // Withdrawn items stay on the agenda, flagged, after the others (as the meeting's own state keeps them).
      const last = (await tx.find(ITEMS, key)).length;
      await tx.update(
        ITEMS,
        { ...key, item_id: event.data.itemId },
        { withdrawn: true, withdrawn_reason: event.data.reason ?? null, position: last },
      );
      await renumber(tx, key);
      return;
    }
    case 'AgendaReordered': {
      const order = event.data.itemIds;
      const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : Number.MAX_SAFE_INTEGER);
      const items = await ordered(tx, key);
      // A stable sort: items the new order does not name (withdrawn ones) keep their relative place at the end.
      const sorted = items
        .map((item, index) => ({ item, index }))
        .sort((a, b) => rank(a.item.item_id) - rank(b.item.item_id) || a.index - b.index);
      for (const [index, { item }] of sorted.entries()) {
        await tx.update(ITEMS, { ...key, item_id: item.item_id }, { position: index });
      }
      return;
    }
    case 'AgendaPublished': {
      const { publishedOn, meetingOn, clearWorkingDays, requiredClearWorkingDays, latestOn, urgencyReason, at } =
        event.data;
      const notice = {
        publishedAt: at,
        publishedOn,
        meetingOn,
        clearWorkingDays,
        requiredClearWorkingDays,
        latestOn,
        onTime: clearWorkingDays >= requiredClearWorkingDays,
        urgencyReason: urgencyReason ?? null,
      };
      await tx.update(MEETING, key, { status: 'agenda-published', notice });
      return;
    }
    case 'MeetingOpened': {
      const { attendance, quorum, presentCount, quorate } = event.data;
      const entries = attendance.map((a) => ({
        memberId: a.memberId,
        status: a.status,
        substituteFor: a.substituteFor ?? null,
      }));
      await tx.update(MEETING, key, {
        status: 'in-progress',
        attendance: entries,
        quorum,
        present_count: presentCount,
        quorate,
      });
      return;
    }
    case 'MemberLeft':
    case 'MemberArrived': {
      const { memberId, presentCount, quorate } = event.data;
      const status = event.type === 'MemberLeft' ? 'absent' : event.data.status;
      const attendance = ((await tx.findOne(MEETING, key))?.attendance ?? []).map((entry) =>
        entry.memberId === memberId ? { ...entry, status } : entry,
      );
      await tx.update(MEETING, key, { attendance, present_count: presentCount, quorate });
      return;
    }
    case 'InterestDeclared': {
      // Keyed by the event's position: one row per declaration, in the order made.
      const { memberId, itemId, nature, at } = event.data;
      await tx.insert(INTERESTS, { ...key, position, member_id: memberId, item_id: itemId, nature, declared_at: at });
      return;
    }
    case 'MinutesRecorded':
      await tx.update(
        ITEMS,
        { ...key, item_id: event.data.itemId },
        { minutes_text: event.data.text, minutes_recorded_at: event.data.at },
      );
      return;
    case 'MeetingAdjourned':
      await tx.update(MEETING, key, { status: 'adjourned', adjourned_reason: event.data.reason });
      return;
    case 'MinutesDrafted':
      await tx.update(MEETING, key, { status: 'minutes-drafted', minutes_drafted_at: event.data.at });
      return;
    case 'MinutesApproved': {
      const { approvedAtMeetingId, decisionId, corrections, at } = event.data;
      await tx.update(MEETING, key, {
        status: 'minutes-approved',
        minutes_approval: { approvedAtMeetingId, decisionId, at, corrections: corrections.length },
      });
      for (const correction of corrections) {
        await tx.update(ITEMS, { ...key, item_id: correction.itemId }, { corrected_text: correction.text });
      }
      return;
    }
    case 'MinutesPublished':
      await tx.update(MEETING, key, { status: 'minutes-published', minutes_published_at: event.data.at });
      return;
    case 'MeetingClosed':
      await tx.update(MEETING, key, { status: 'closed' });
      return;
  }
}

async function applyDecision(event: DecisionEvent, tenant_id: string, tx: ProjectionTx): Promise<void> {
  const key = { tenant_id, decision_id: event.data.decisionId };
  switch (event.type) {
    case 'DecisionRecorded': {
      const { meetingId, itemId, resolution, kind, at } = event.data;
      await tx.increment(DECISION_COUNT, { tenant_id }, 'recorded');
      await tx.upsert(DECISIONS, {
        ...key,
        recorded_number: (await tx.findOne(DECISION_COUNT, { tenant_id }))?.recorded ?? 1,
        meeting_id: meetingId,
        item_id: itemId,
        resolution,
        kind,
        recorded_at: at,
        amended_by: [],
        superseded_by: null,
      });
      return;
    }
    case 'DecisionAmended': {
      const row = await tx.findOne(DECISIONS, key);
      if (!row) return;
      const amendedBy = [...row.amended_by, event.data.byDecisionId];
      await tx.update(DECISIONS, key, { amended_by: amendedBy });
      return;
    }
    case 'DecisionSuperseded':
      await tx.update(DECISIONS, key, { superseded_by: event.data.byDecisionId });
      return;
  }
}

type MeetingKey = Pick<RowOf<typeof MEETING>, 'tenant_id' | 'meeting_id'>;

async function ordered(tx: ProjectionTx, key: MeetingKey): Promise<RowOf<typeof ITEMS>[]> {
  return (await tx.find(ITEMS, key)).sort((a, b) => a.position - b.position);
}

/** Positions 0..n-1 in the current order. */
async function renumber(tx: ProjectionTx, key: MeetingKey): Promise<void> {
  for (const [position, item] of (await ordered(tx, key)).entries()) {
    if (item.position !== position) await tx.update(ITEMS, { ...key, item_id: item.item_id }, { position });
  }
}

function timelineDetail(event: MeetingEvent): TimelineDetail | null {
  switch (event.type) {
    case 'MeetingRescheduled':
      return { startsAt: event.data.startsAt, reason: event.data.reason ?? null };
    case 'MeetingCancelled':
    case 'MeetingAdjourned':
      return { reason: event.data.reason };
    case 'AgendaPublished':
      return { urgencyReason: event.data.urgencyReason ?? null };
    case 'MinutesApproved':
      return { approvedAtMeetingId: event.data.approvedAtMeetingId, decisionId: event.data.decisionId };
    default:
      return null;
  }
}
