import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessLog, type Caller } from '#identity/contracts';
import { NotFound } from '#platform';
import { recordInsightRead } from '../record-insight-read.js';
import { viewReference } from '#voice/contracts';
import type { AsAt } from '#event-store';
import { InsightReadModelsAt, type InsightTables } from '../read-models-at.js';
import { ACTIONS, CITATIONS, DECISIONS, FEEDBACK, VIEWS, VIEW_STEPS } from '../voice-influence.projection.js';
import { rowsOf } from '../insight-rows.js';
import { availabilityOf, type ViewAvailability } from '../view-words.js';

export interface JourneyStep {
  readonly step: string;
  readonly at: string;
  readonly meetingId?: string;
  readonly itemId?: string;
  readonly decisionId?: string;
  readonly feedbackId?: string;
}

export interface ViewJourney {
  readonly contributionId: string;
  /** Its short reference on staff pages, e.g. V-0123 (not for a view withheld for safeguarding). */
  readonly reference?: string;
  readonly availability: ViewAvailability;
  readonly themes: readonly string[];
  readonly channel?: string;
  readonly late?: boolean;
  /** Submitted, moderated, tabled, considered, cited, feedback, closed..., in the order they happened. */
  readonly steps: readonly JourneyStep[];
  readonly citedBy: readonly { decisionId: string; resolution: string; influence: string; recordedAt: string }[];
  readonly actions: readonly {
    actionId: string;
    decisionId: string;
    description: string;
    dueOn: string;
    status: string;
  }[];
  readonly feedback: readonly { feedbackId: string; text: string; at: string }[];
}

/** A view's journey as the caller reads it (an auditor's read is recorded). */
export class GetViewJourney extends Query<ViewJourney> {
  constructor(
    readonly caller: Caller,
    readonly contributionId: string,
    readonly asAt?: AsAt,
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetViewJourney)
export class GetViewJourneyHandler implements IQueryHandler<GetViewJourney, ViewJourney> {
  constructor(
    private readonly at: InsightReadModelsAt,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ caller, contributionId, asAt }: GetViewJourney): Promise<ViewJourney> {
    const journey = await this.at.read(asAt, (tables) => readViewJourney(tables, caller.tenantId, contributionId));
    if (!journey) throw new NotFound('There is no such view on your board (at that moment).');
    await recordInsightRead(this.accessLog, caller, 'contribution', [contributionId], []);
    return journey;
  }
}

/** A view's way through the board: no words of the view itself, only what happened to it. */
export async function readViewJourney(
  tables: InsightTables | undefined,
  tenantId: string,
  contributionId: string,
): Promise<ViewJourney | undefined> {
  if (!tables) return undefined;
  const key = { contribution_id: contributionId };
  const [view] = await rowsOf(tables, VIEWS, tenantId, key);
  if (!view) return undefined;
  const availability = availabilityOf(view);
  if (availability === 'withheld') {
    // Withheld for safeguarding: the board and auditors learn only that.
    return { contributionId, availability, themes: [], steps: [], citedBy: [], actions: [], feedback: [] };
  }
  const steps = (await rowsOf(tables, VIEW_STEPS, tenantId, key)).sort((a, b) =>
    a.position < b.position ? -1 : a.position > b.position ? 1 : 0,
  );
  const citations = await rowsOf(tables, CITATIONS, tenantId, key);
  const citedBy = [];
  const actions = [];
  for (const citation of citations) {
    const decisionId = citation.decision_id;
    const [decision] = await rowsOf(tables, DECISIONS, tenantId, { decision_id: decisionId });
    citedBy.push({
      decisionId,
      resolution: decision?.resolution ?? '',
      influence: citation.influence,
      recordedAt: citation.recorded_at,
    });
    for (const action of await rowsOf(tables, ACTIONS, tenantId, { decision_id: decisionId })) {
      actions.push({
        actionId: action.action_id,
        decisionId,
        description: action.description,
        dueOn: action.due_on,
        status: action.status,
      });
    }
  }
  const feedback = (await rowsOf(tables, FEEDBACK, tenantId, key))
    .map((f) => ({ feedbackId: f.feedback_id, text: f.text, at: f.at }))
    .sort((a, b) => a.at.localeCompare(b.at));
  return {
    contributionId,
    reference: viewReference(view.arrival),
    availability,
    themes: view.themes,
    channel: view.channel,
    late: view.late,
    steps: steps.map((s) => ({
      step: s.step,
      at: s.at,
      meetingId: s.meeting_id ?? undefined,
      itemId: s.item_id ?? undefined,
      decisionId: s.decision_id ?? undefined,
      feedbackId: s.feedback_id ?? undefined,
    })),
    citedBy,
    actions,
    feedback,
  };
}
