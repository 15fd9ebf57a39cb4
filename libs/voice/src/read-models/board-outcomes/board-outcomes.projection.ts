import type { ActionEvent, DecisionEvent, MeetingEvent } from '#board/contracts';
import { json, table, type Projection, type ProjectionTx, type RecordedEvent, type RowOf } from '#event-store';

/** An agenda item as a young person may hear of it: its title, and whether it was taken in private. */
export interface OutcomeItem {
  readonly title: string;
  readonly restricted: boolean;
}

/** One dated line of an action's story: progress reported, done (with what shows it), or stopped. */
export interface ActionUpdate {
  readonly kind: 'progress' | 'completed' | 'cancelled';
  readonly note: string;
  readonly at: string;
  /** completed: the London date it was done. */
  readonly on?: string;
}

export const OUTCOME_MEETINGS = table({
  name: 'voice_outcome_meetings',
  columns: {
    tenant_id: 'text',
    meeting_id: 'text',
    title: 'text',
    starts_at: 'text',
    cancelled: 'boolean',
    items: json<Record<string, OutcomeItem>>(),
  },
  primaryKey: ['tenant_id', 'meeting_id'],
});

export const OUTCOME_DECISIONS = table({
  name: 'voice_outcome_decisions',
  columns: {
    tenant_id: 'text',
    decision_id: 'text',
    meeting_id: 'text',
    item_id: 'text',
    resolution: 'text',
    kind: 'text',
    recorded_at: 'text',
    /** in-force | amended | superseded */
    status: 'text',
    changed_at: { type: 'text', nullable: true },
    changed_by_decision_id: { type: 'text', nullable: true },
    change_reason: { type: 'text', nullable: true },
  },
  primaryKey: ['tenant_id', 'decision_id'],
});

export const OUTCOME_CITATIONS = table({
  name: 'voice_outcome_citations',
  columns: {
    tenant_id: 'text',
    contribution_id: 'text',
    decision_id: 'text',
    /** An Influence: shaped | informed | considered-not-adopted */
    influence: 'text',
    rationale: 'text',
    recorded_at: 'text',
  },
  primaryKey: ['tenant_id', 'contribution_id', 'decision_id'],
});

export const OUTCOME_ACTIONS = table({
  name: 'voice_outcome_actions',
  columns: {
    tenant_id: 'text',
    action_id: 'text',
    decision_id: 'text',
    description: 'text',
    due_on: 'text',
    /** open | completed | cancelled */
    status: 'text',
    assigned_at: 'text',
    completed_on: { type: 'text', nullable: true },
    /** Oldest first. */
    updates: json<ActionUpdate[]>(),
  },
  primaryKey: ['tenant_id', 'action_id'],
  indexes: [['tenant_id', 'decision_id']],
});

export type OutcomeMeetingRow = RowOf<typeof OUTCOME_MEETINGS>;
export type OutcomeDecisionRow = RowOf<typeof OUTCOME_DECISIONS>;
export type OutcomeCitationRow = RowOf<typeof OUTCOME_CITATIONS>;
export type OutcomeActionRow = RowOf<typeof OUTCOME_ACTIONS>;

const BOARD_EVENT_TYPES = [
  'MeetingScheduled',
  'MeetingRescheduled',
  'MeetingCancelled',
  'AgendaItemAdded',
  'DecisionRecorded',
  'DecisionAmended',
  'DecisionSuperseded',
  'ActionAssigned',
  'ActionProgressRecorded',
  'ActionCompleted',
  'ActionCancelled',
] as const satisfies ReadonlyArray<(MeetingEvent | DecisionEvent | ActionEvent)['type']>;

type OutcomeEvent = Extract<MeetingEvent | DecisionEvent | ActionEvent, { type: (typeof BOARD_EVENT_TYPES)[number] }>;

/**
 * What the board did, as the voice context tells young people: meetings (title, date, items), decisions
 * (resolution, status), which views each decision cited (with how much they weighed and the chair's
 * why), and the actions decisions set, with every dated update. Read from the board's published events
 * only (#board contracts). No young person's words or identity are here: views appear by id alone.
 * Action owners are left out: a young person reads what was done, not who was named to do it.
 */
export const boardOutcomesProjection: Projection = {
  name: 'voice_board_outcomes',
  version: 1,
  eventTypes: BOARD_EVENT_TYPES,
  streamPrefixes: ['meeting-', 'decision-', 'action-'],
  tables: [OUTCOME_MEETINGS, OUTCOME_DECISIONS, OUTCOME_CITATIONS, OUTCOME_ACTIONS],
  async apply(recorded: RecordedEvent, tx) {
    const tenant_id = recorded.metadata.tenantId;
    const event = { type: recorded.type, data: recorded.data } as OutcomeEvent;
    switch (event.type) {
      case 'MeetingScheduled': {
        const { meetingId, title, startsAt } = event.data;
        await tx.upsert(OUTCOME_MEETINGS, {
          tenant_id,
          meeting_id: meetingId,
          title,
          starts_at: startsAt,
          cancelled: false,
          items: {},
        });
        return;
      }
      case 'MeetingRescheduled':
        await tx.update(
          OUTCOME_MEETINGS,
          { tenant_id, meeting_id: event.data.meetingId },
          { starts_at: event.data.startsAt },
        );
        return;
      case 'MeetingCancelled':
        await tx.update(OUTCOME_MEETINGS, { tenant_id, meeting_id: event.data.meetingId }, { cancelled: true });
        return;
      case 'AgendaItemAdded': {
        const key = { tenant_id, meeting_id: event.data.meetingId };
        const meeting = await tx.findOne(OUTCOME_MEETINGS, key);
        if (!meeting) return;
        const items = { ...meeting.items };
        items[event.data.itemId] = { title: event.data.title, restricted: event.data.restricted === true };
        await tx.update(OUTCOME_MEETINGS, key, { items });
        return;
      }
      case 'DecisionRecorded': {
        const { decisionId, meetingId, itemId, resolution, kind, voiceEvidence, at } = event.data;
        await tx.upsert(OUTCOME_DECISIONS, {
          tenant_id,
          decision_id: decisionId,
          meeting_id: meetingId,
          item_id: itemId,
          resolution,
          kind,
          recorded_at: at,
          status: 'in-force',
          changed_at: null,
          changed_by_decision_id: null,
          change_reason: null,
        });
        for (const { contributionId, influence, rationale } of voiceEvidence.contributions ?? []) {
          await tx.upsert(OUTCOME_CITATIONS, {
            tenant_id,
            contribution_id: contributionId,
            decision_id: decisionId,
            influence,
            rationale,
            recorded_at: at,
          });
        }
        return;
      }
      case 'DecisionAmended':
      case 'DecisionSuperseded': {
        const { decisionId, byDecisionId, reason, at } = event.data;
        await tx.update(
          OUTCOME_DECISIONS,
          { tenant_id, decision_id: decisionId },
          {
            status: event.type === 'DecisionAmended' ? 'amended' : 'superseded',
            changed_at: at,
            changed_by_decision_id: byDecisionId,
            change_reason: reason,
          },
        );
        return;
      }
      case 'ActionAssigned': {
        const { actionId, decisionId, description, dueOn, at } = event.data;
        await tx.upsert(OUTCOME_ACTIONS, {
          tenant_id,
          action_id: actionId,
          decision_id: decisionId,
          description,
          due_on: dueOn,
          status: 'open',
          assigned_at: at,
          completed_on: null,
          updates: [],
        });
        return;
      }
      case 'ActionProgressRecorded':
        await addUpdate(tx, tenant_id, event.data.actionId, {
          kind: 'progress',
          note: event.data.note,
          at: event.data.at,
        });
        return;
      case 'ActionCompleted': {
        const { actionId, evidence, completedOn, at } = event.data;
        await addUpdate(
          tx,
          tenant_id,
          actionId,
          { kind: 'completed', note: evidence, at, on: completedOn },
          { status: 'completed', completed_on: completedOn },
        );
        return;
      }
      case 'ActionCancelled':
        await addUpdate(
          tx,
          tenant_id,
          event.data.actionId,
          { kind: 'cancelled', note: event.data.reason, at: event.data.at },
          { status: 'cancelled' },
        );
        return;
    }
  },
};

async function addUpdate(
  tx: ProjectionTx,
  tenant_id: string,
  action_id: string,
  update: ActionUpdate,
  set: Partial<OutcomeActionRow> = {},
): Promise<void> {
  const key = { tenant_id, action_id };
  const action = await tx.findOne(OUTCOME_ACTIONS, key);
  if (!action) return;
  await tx.update(OUTCOME_ACTIONS, key, { ...set, updates: [...action.updates, update] });
}
