import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessLog, type Caller } from '#identity/contracts';
import { EventHistoryReader, type HistoryEntry } from './event-history.reader.js';
import { viewEventData, WITHHOLDING_EVENT } from './view-event-data.js';
import { AUDITED, type AuditedKind } from './history.streams.js';
import { ViewTimelineReader } from './view-timeline.reader.js';

export interface Citation {
  readonly decisionId: string;
  readonly influence: string;
  readonly position: string;
  readonly recordedAt: string;
}

export interface History {
  readonly kind: AuditedKind;
  readonly id: string;
  /** Set (and nothing else told) for a view withheld for safeguarding. */
  readonly withheld?: true;
  readonly notice?: string;
  readonly events: readonly HistoryEntry[];
  /** For a view: the decisions that cited it (from their own streams). */
  readonly citations?: readonly Citation[];
}

export const WITHHELD_NOTICE =
  'This view was withheld from the board for safeguarding. Its history is held by the safeguarding lead.';

/** Every event of a decision, meeting or view, in order. */
export class GetHistory extends Query<History> {
  constructor(
    readonly caller: Caller,
    readonly kind: AuditedKind,
    readonly id: string,
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetHistory)
export class GetHistoryHandler implements IQueryHandler<GetHistory, History> {
  constructor(
    private readonly history: EventHistoryReader,
    private readonly timeline: ViewTimelineReader,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ caller, kind, id }: GetHistory): Promise<History> {
    const { stream, what, subject } = AUDITED[kind];
    // Recorded first: an attempt on another board's id or a withheld view is an audit read too.
    await this.accessLog.record(caller, 'audit-history', subject, [id]);
    const events = await this.history.stream(caller.tenantId, stream(id), what);
    if (kind !== 'view') {
      // Board data as recorded: no young person's words travel in board events.
      const entries = await this.history.entries(caller.tenantId, events, (e) => e.data as Record<string, unknown>);
      return { kind, id, events: entries };
    }
    if (events.some((e) => e.type === WITHHOLDING_EVENT)) {
      return { kind, id, withheld: true, notice: WITHHELD_NOTICE, events: [] };
    }
    const entries = await this.history.entries(caller.tenantId, events, (e) => viewEventData(e.type, e.data));
    const citations = (await this.timeline.rowsOf(caller.tenantId, [id]))
      .filter((r) => r.kind === 'cited')
      .map((r) => ({
        decisionId: r.decisionId ?? '',
        influence: r.influence ?? '',
        position: r.position,
        recordedAt: r.recordedAt,
      }));
    return { kind, id, events: entries, citations };
  }
}
