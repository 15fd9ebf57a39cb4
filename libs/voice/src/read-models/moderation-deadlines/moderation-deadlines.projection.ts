import { table, type Projection, type RecordedEvent, type RowOf } from '#event-store';
import { MODERATION_DEADLINE_EVENT_TYPES, type ModerationDeadlineEvent } from '../../domain/index.js';

export const MODERATION_DEADLINES_TABLE = table({
  name: 'moderation_deadlines',
  columns: {
    tenant_id: 'text',
    contribution_id: 'text',
    round: 'integer',
    /** waiting | met | cancelled */
    status: 'text',
    /** submitted | answered: what started this round's wait. */
    reason: 'text',
    window_working_days: 'integer',
    jurisdiction: 'text',
    waiting_since: 'text',
    due_by: 'text',
    escalated_at: { type: 'text', nullable: true },
    /** The moderation lead told (a staff id); null when not escalated, or escalated with no lead to name. */
    escalated_to: { type: 'text', nullable: true },
    ended_at: { type: 'text', nullable: true },
    /** The decision that met the deadline, or why it was cancelled. */
    ended_by: { type: 'text', nullable: true },
    late: { type: 'boolean', nullable: true },
  },
  primaryKey: ['tenant_id', 'contribution_id'],
  indexes: [['tenant_id', 'status']],
});

export type ModerationDeadlineRow = RowOf<typeof MODERATION_DEADLINES_TABLE>;

/**
 * Each view's moderation deadline, its latest round: for the sweeper (what is due), the moderation queue
 * (due dates, overdue, escalated to whom) and the staff home (how many are past their window). No words.
 */
export const moderationDeadlinesProjection: Projection = {
  name: 'voice_moderation_deadlines',
  version: 1,
  eventTypes: MODERATION_DEADLINE_EVENT_TYPES,
  streamPrefixes: ['moderation-deadline-'],
  tables: [MODERATION_DEADLINES_TABLE],
  async apply(recorded: RecordedEvent, tx) {
    const tenant_id = recorded.metadata.tenantId;
    const event = { type: recorded.type, data: recorded.data } as ModerationDeadlineEvent;
    const key = { tenant_id, contribution_id: event.data.contributionId };
    switch (event.type) {
      case 'ModerationDeadlineStarted': {
        const { round, reason, windowWorkingDays, jurisdiction, dueBy, at } = event.data;
        await tx.upsert(MODERATION_DEADLINES_TABLE, {
          ...key,
          round,
          status: 'waiting',
          reason,
          window_working_days: windowWorkingDays,
          jurisdiction,
          waiting_since: at,
          due_by: dueBy,
          escalated_at: null,
          escalated_to: null,
          ended_at: null,
          ended_by: null,
          late: null,
        });
        return;
      }
      case 'ModerationEscalatedToLead':
        await tx.update(MODERATION_DEADLINES_TABLE, key, {
          escalated_at: event.data.at,
          escalated_to: event.data.lead,
        });
        return;
      case 'ModerationDeadlineMet':
        await tx.update(MODERATION_DEADLINES_TABLE, key, {
          status: 'met',
          ended_at: event.data.at,
          ended_by: event.data.decision,
          late: event.data.late,
        });
        return;
      case 'ModerationDeadlineCancelled':
        await tx.update(MODERATION_DEADLINES_TABLE, key, {
          status: 'cancelled',
          ended_at: event.data.at,
          ended_by: event.data.reason,
        });
        return;
    }
  },
};
