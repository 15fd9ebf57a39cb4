import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { RecordedEvent } from '#event-store';
import { AccessLog, type Caller } from '#identity/contracts';
import { NotFound } from '#platform';
import { EventHistoryReader } from './event-history.reader.js';
import { within, type Cut } from './cut.js';
import { foldDecisionAsAt, type DecisionAsAt } from './decision-as-at.js';
import { foldMeetingAsAt, type MeetingAsAt } from './meeting-as-at.js';
import { AUDITED } from './history.streams.js';
import { ViewsThenReader, type ViewKnown } from './views-then.js';

/** The last event a time-travel answer includes. */
export interface AsOf {
  readonly position: string;
  readonly recordedAt: string;
  readonly events: number;
}

export interface KnownView extends ViewKnown {
  readonly tabledHere: boolean;
  readonly cited: { readonly influence: string } | null;
}

export interface BoardKnew {
  /** The moment the decision was recorded. */
  readonly position: string;
  readonly recordedAt: string;
  readonly meetingId: string;
  readonly itemId: string;
  readonly counts: { tabled: number; available: number; cited: number; withheld: number };
  readonly views: readonly KnownView[];
}

export interface DecisionThen {
  readonly decisionId: string;
  readonly cut: Cut;
  readonly asOf: AsOf;
  readonly decision: DecisionAsAt;
  readonly boardKnew: BoardKnew;
}

export interface MeetingThen {
  readonly meetingId: string;
  readonly cut: Cut;
  readonly asOf: AsOf;
  readonly meeting: MeetingAsAt;
  /** Per agenda item: the views tabled there by the cut. */
  readonly views: ReadonlyArray<{ itemId: string; views: readonly ViewKnown[] }>;
  /** Views tabled at this meeting and withheld for safeguarding: a count for the whole meeting only. */
  readonly withheldViews: number;
}

export class GetDecisionAsAt extends Query<DecisionThen> {
  constructor(
    readonly caller: Caller,
    readonly decisionId: string,
    readonly cut: Cut,
  ) {
    super();
  }
}

export class GetMeetingAsAt extends Query<MeetingThen> {
  constructor(
    readonly caller: Caller,
    readonly meetingId: string,
    readonly cut: Cut,
  ) {
    super();
  }
}

/** Reads the aggregate's own stream and cuts it: never the whole log. */
async function streamUpTo(
  history: EventHistoryReader,
  tenantId: string,
  stream: string,
  what: string,
  cut: Cut,
): Promise<{ events: RecordedEvent[]; asOf: AsOf }> {
  const all = await history.stream(tenantId, stream, what);
  const events = all.filter((e) => within({ position: e.position, recordedAt: e.metadata.recordedAt }, cut));
  const last = events.at(-1);
  if (!last) throw new NotFound(`That ${what} did not exist yet at that moment.`);
  return { events, asOf: { position: last.position, recordedAt: last.metadata.recordedAt, events: events.length } };
}

@Injectable()
@QueryHandler(GetDecisionAsAt)
export class GetDecisionAsAtHandler implements IQueryHandler<GetDecisionAsAt, DecisionThen> {
  constructor(
    private readonly history: EventHistoryReader,
    private readonly viewsThen: ViewsThenReader,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ caller, decisionId, cut }: GetDecisionAsAt): Promise<DecisionThen> {
    await this.accessLog.record(caller, 'audit-time-travel', 'decision', [decisionId]);
    const { stream, what } = AUDITED.decision;
    const { events, asOf } = await streamUpTo(this.history, caller.tenantId, stream(decisionId), what, cut);
    const decision = foldDecisionAsAt(events);
    const recorded = events.find((e) => e.type === 'DecisionRecorded');
    if (!recorded) throw new NotFound('That decision had not been recorded at that moment.');
    return { decisionId, cut, asOf, decision, boardKnew: await this.boardKnew(caller.tenantId, decision, recorded) };
  }

  // What the board had when it decided: the views tabled at the item and those it cited, each as it
  // stood at the DecisionRecorded event's position, whatever the time asked about.
  private async boardKnew(tenantId: string, decision: DecisionAsAt, recorded: RecordedEvent): Promise<BoardKnew> {
    const at: Cut = { kind: 'position', position: recorded.position };
    const citations = new Map(
      (
        (decision.content?.voiceEvidence as { contributions?: Array<{ contributionId: string; influence: string }> })
          ?.contributions ?? []
      ).map((c) => [c.contributionId, c.influence]),
    );
    const then = await this.viewsThen.at(tenantId, decision.meetingId, decision.itemId, at, [...citations.keys()]);
    const views = then.views.map((v) => ({
      ...v,
      tabledHere: v.tabledAt.includes(decision.itemId),
      cited: citations.has(v.contributionId) ? { influence: citations.get(v.contributionId)! } : null,
    }));
    return {
      position: recorded.position,
      recordedAt: recorded.metadata.recordedAt,
      meetingId: decision.meetingId,
      itemId: decision.itemId,
      counts: {
        tabled: views.filter((v) => v.tabledHere).length,
        available: views.filter((v) => v.tabledHere && v.availableThen).length,
        cited: views.filter((v) => v.cited !== null).length,
        withheld: then.withheld,
      },
      views,
    };
  }
}

@Injectable()
@QueryHandler(GetMeetingAsAt)
export class GetMeetingAsAtHandler implements IQueryHandler<GetMeetingAsAt, MeetingThen> {
  constructor(
    private readonly history: EventHistoryReader,
    private readonly viewsThen: ViewsThenReader,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ caller, meetingId, cut }: GetMeetingAsAt): Promise<MeetingThen> {
    await this.accessLog.record(caller, 'audit-time-travel', 'meeting', [meetingId]);
    const { stream, what } = AUDITED.meeting;
    const { events, asOf } = await streamUpTo(this.history, caller.tenantId, stream(meetingId), what, cut);
    const meeting = foldMeetingAsAt(events);
    const then = await this.viewsThen.at(caller.tenantId, meetingId, undefined, cut);
    const views = meeting.agenda.map((item) => {
      const here = then.views.filter((v) => v.tabledAt.includes(item.itemId));
      return { itemId: item.itemId, views: here };
    });
    return { meetingId, cut, asOf, meeting, views, withheldViews: then.withheld };
  }
}
