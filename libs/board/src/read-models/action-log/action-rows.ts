import { oneOf, optionalText, type RowOf } from '#event-store';
import { initialActionState, isOverdue, type ActionState } from '../../domain/index.js';
import type { ActionView } from './action-log.dto.js';
import type { ACTIONS } from './action-log.projection.js';

const STATUSES = ['open', 'completed', 'cancelled'] as const satisfies readonly ActionState['status'][];

/** The status column as the domain names it (a value it does not know counts as none). */
function statusOf(status: string): ActionState['status'] {
  return oneOf(STATUSES, status) ?? 'none';
}

/** An action-log row as the API shows it, overdue judged against `today` by the domain's own rule. */
export function actionView(
  row: RowOf<typeof ACTIONS>,
  today: string,
  names: ReadonlyMap<string, string | null>,
): ActionView {
  const memberId = optionalText(row.owner_member_id);
  return {
    actionId: row.action_id,
    decisionId: row.decision_id,
    meetingId: optionalText(row.meeting_id),
    resolution: optionalText(row.resolution),
    description: row.description,
    owner: memberId
      ? { kind: 'member', memberId, name: names.get(memberId) ?? undefined }
      : {
          kind: 'officer',
          officerId: optionalText(row.owner_officer_id),
          name: optionalText(row.owner_officer_name),
        },
    dueOn: row.due_on,
    status: row.status,
    overdue: isOverdue({ ...initialActionState(), status: statusOf(row.status), dueOn: row.due_on }, today),
    assignedAt: row.assigned_at,
    progressNotes: row.progress_notes,
    lastProgressAt: optionalText(row.last_progress_at),
    completedOn: optionalText(row.completed_on),
    evidence: optionalText(row.evidence),
    cancelledAt: optionalText(row.cancelled_at),
    cancelledReason: optionalText(row.cancelled_reason),
  };
}
