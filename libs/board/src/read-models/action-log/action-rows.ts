import { type Row, optionalText } from '#event-store';
import { initialActionState, isOverdue, type ActionState } from '../../domain/index.js';
import type { ActionView } from './action-log.dto.js';

/** An action-log row as the API shows it, overdue judged against `today` by the domain's own rule. */
export function actionView(row: Row, today: string, names: ReadonlyMap<string, string | null>): ActionView {
  const memberId = optionalText(row.owner_member_id);
  const status = String(row.status) as ActionState['status'];
  const dueOn = String(row.due_on);
  return {
    actionId: String(row.action_id),
    decisionId: String(row.decision_id),
    meetingId: optionalText(row.meeting_id),
    resolution: optionalText(row.resolution),
    description: String(row.description),
    owner: memberId
      ? { kind: 'member', memberId, name: names.get(memberId) ?? undefined }
      : {
          kind: 'officer',
          officerId: optionalText(row.owner_officer_id),
          name: optionalText(row.owner_officer_name),
        },
    dueOn,
    status,
    overdue: isOverdue({ ...initialActionState(), status, dueOn }, today),
    assignedAt: String(row.assigned_at),
    progressNotes: Number(row.progress_notes),
    lastProgressAt: optionalText(row.last_progress_at),
    completedOn: optionalText(row.completed_on),
    evidence: optionalText(row.evidence),
    cancelledAt: optionalText(row.cancelled_at),
    cancelledReason: optionalText(row.cancelled_reason),
  };
}
