import { Inject, Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BOARD_RECORDS, type BoardRecordsLookup } from '#board/contracts';
import { viewReference } from '#voice/contracts';
import { NotFound } from '#platform';
import type { AsAt } from '#event-store';
import { InsightReadModelsAt, type InsightTables } from '../read-models-at.js';
import { VIEWS, VIEW_STEPS } from '../voice-influence.projection.js';
import { rowsOf } from '../insight-rows.js';
import {
  availabilityOf,
  noteFor,
  sharedSummary,
  sharedWords,
  viewsNow,
  type ViewAvailability,
  type ViewRow,
} from '../view-words.js';

export interface TabledView {
  readonly contributionId: string;
  /** Its short reference on staff pages, e.g. V-0123. */
  readonly reference?: string;
  readonly tabledAt: string;
  readonly availability: ViewAvailability;
  readonly themes: readonly string[];
  /** Only as its author allowed (none for "summary only", withdrawn, erased or withheld). */
  readonly words?: string;
  /** For a view shared "summary only": the moderator's summary, which the board reads instead. */
  readonly summary?: string;
  readonly note?: string;
}

export interface TabledViews {
  readonly meetingId: string;
  readonly itemId: string;
  /** The views tabled at the item, first tabled first: what a decision on it may cite. */
  readonly views: readonly TabledView[];
  /** Withheld for safeguarding after tabling: a count only. */
  readonly withheld: number;
}

/** The views tabled at one agenda item, for the chair's picker when recording a decision. */
export class GetTabledViews extends Query<TabledViews> {
  constructor(
    readonly tenantId: string,
    readonly meetingId: string,
    readonly itemId: string,
    readonly asAt?: AsAt,
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetTabledViews)
export class GetTabledViewsHandler implements IQueryHandler<GetTabledViews, TabledViews> {
  constructor(
    private readonly at: InsightReadModelsAt,
    @Inject(BOARD_RECORDS) private readonly board: BoardRecordsLookup,
  ) {}

  async execute({ tenantId, meetingId, itemId, asAt }: GetTabledViews): Promise<TabledViews> {
    // Another board's meeting, or none, is a 404, not an empty list that says "nothing was tabled".
    const agenda = await this.board.agendaOf(tenantId, meetingId);
    if (agenda === undefined) throw new NotFound('There is no such meeting in your board.');
    if (!agenda.some((item) => item.itemId === itemId)) {
      throw new NotFound('There is no such item on this meeting’s agenda.');
    }
    return this.at.read(asAt, (tables) => readTabledViews(tables, tenantId, meetingId, itemId));
  }
}

export async function readTabledViews(
  tables: InsightTables | undefined,
  tenantId: string,
  meetingId: string,
  itemId: string,
): Promise<TabledViews> {
  if (!tables) return { meetingId, itemId, views: [], withheld: 0 };
  const steps = await rowsOf(tables, VIEW_STEPS, tenantId, { step: 'tabled', meeting_id: meetingId, item_id: itemId });
  const firstTabled = new Map<string, string>();
  for (const step of steps.sort((a, b) => a.position.localeCompare(b.position))) {
    if (!firstTabled.has(step.contribution_id)) firstTabled.set(step.contribution_id, step.at);
  }
  const views: TabledView[] = [];
  let withheld = 0;
  const then = new Map<string, ViewRow>();
  for (const contributionId of firstTabled.keys()) {
    const [view] = await rowsOf(tables, VIEWS, tenantId, { contribution_id: contributionId });
    if (view) then.set(contributionId, view);
  }
  const now = await viewsNow(tables, tenantId, [...then.keys()], then);
  for (const [contributionId, tabledAt] of firstTabled) {
    const view = then.get(contributionId);
    const availability = availabilityOf(view);
    if (availability === 'withheld') {
      withheld += 1;
      continue;
    }
    views.push({
      contributionId,
      ...(view ? { reference: viewReference(view.arrival) } : {}),
      tabledAt,
      availability,
      themes: view?.themes ?? [],
      words: sharedWords(view, now.get(contributionId)),
      summary: sharedSummary(view, now.get(contributionId)),
      note: noteFor(view, now.get(contributionId)),
    });
  }
  return { meetingId, itemId, views, withheld };
}
