import { table, type Projection, type RecordedEvent } from '#event-store';
import type { ActionEvent, DecisionEvent } from '../../domain/index.js';

export const ACTIONS = table({
  name: 'action_log',
  columns: {
    tenant_id: 'text',
    action_id: 'text',
    decision_id: 'text',
    meeting_id: { type: 'text', nullable: true },
    resolution: { type: 'text', nullable: true },
    description: 'text',
    owner_member_id: { type: 'text', nullable: true },
    owner_officer_id: { type: 'text', nullable: true },
    owner_officer_name: { type: 'text', nullable: true },
    due_on: 'text',
    status: 'text',
    assigned_at: 'text',
    progress_notes: 'integer',
    last_progress_at: { type: 'text', nullable: true },
    completed_on: { type: 'text', nullable: true },
    completed_at: { type: 'text', nullable: true },
    evidence: { type: 'text', nullable: true },
    cancelled_at: { type: 'text', nullable: true },
    cancelled_reason: { type: 'text', nullable: true },
  },
  primaryKey: ['tenant_id', 'action_id'],
  indexes: [['tenant_id', 'status', 'due_on']],
});

export const PROGRESS = table({
  name: 'action_log_progress',
  columns: { tenant_id: 'text', action_id: 'text', position: 'text', note: 'text', at: 'text' },
  primaryKey: ['tenant_id', 'action_id', 'position'],
});

/** Which meeting and resolution assigned the action, to label it. */
export const DECISIONS = table({
  name: 'action_log_decisions',
  columns: { tenant_id: 'text', decision_id: 'text', meeting_id: 'text', resolution: 'text' },
  primaryKey: ['tenant_id', 'decision_id'],
});

/**
 * The board's promises: each action with its owner, due date and where it stands. Overdue is not
 * stored: the query derives it from the due date and today's date.
 */
export const actionLogProjection: Projection = {
  name: 'board_action_log',
  version: 1,
  eventTypes: ['DecisionRecorded', 'ActionAssigned', 'ActionProgressRecorded', 'ActionCompleted', 'ActionCancelled'],
  streamPrefixes: ['action-', 'decision-'],
  tables: [ACTIONS, PROGRESS, DECISIONS],
  async apply(recorded: RecordedEvent, tx) {
    const tenant_id = recorded.metadata.tenantId;
    const event = { type: recorded.type, data: recorded.data } as ActionEvent | DecisionEvent;
    switch (event.type) {
      case 'DecisionRecorded': {
        const { decisionId, meetingId, resolution } = event.data;
        await tx.upsert(DECISIONS, { tenant_id, decision_id: decisionId, meeting_id: meetingId, resolution });
        return;
      }
      case 'ActionAssigned': {
        const { actionId, decisionId, description, owner, dueOn, at } = event.data;
        const decision = await tx.findOne(DECISIONS, { tenant_id, decision_id: decisionId });
        await tx.upsert(ACTIONS, {
          tenant_id,
          action_id: actionId,
          decision_id: decisionId,
          meeting_id: decision?.meeting_id ?? null,
          resolution: decision?.resolution ?? null,
          description,
          owner_member_id: owner.memberId ?? null,
          owner_officer_id: owner.officer?.id ?? null,
          owner_officer_name: owner.officer?.name ?? null,
          due_on: dueOn,
          status: 'open',
          assigned_at: at,
          progress_notes: 0,
        });
        return;
      }
      case 'ActionProgressRecorded': {
        const key = { tenant_id, action_id: event.data.actionId };
        const row = await tx.findOne(ACTIONS, key);
        if (!row) return;
        await tx.update(ACTIONS, key, {
          progress_notes: row.progress_notes + 1,
          last_progress_at: event.data.at,
        });
        await tx.insert(PROGRESS, { ...key, position: recorded.position, note: event.data.note, at: event.data.at });
        return;
      }
      case 'ActionCompleted': {
        const { actionId, evidence, completedOn, at } = event.data;
        await tx.update(
          ACTIONS,
          { tenant_id, action_id: actionId },
          { status: 'completed', evidence, completed_on: completedOn, completed_at: at },
        );
        return;
      }
      case 'ActionCancelled': {
        const { actionId, reason, at } = event.data;
        await tx.update(
          ACTIONS,
          { tenant_id, action_id: actionId },
          { status: 'cancelled', cancelled_reason: reason, cancelled_at: at },
        );
        return;
      }
      default:
        return;
    }
  },
};
