import { type Row, optionalText } from '#event-store';
import type { DecisionSummaryView, HowReachedView } from './decisions-register.dto.js';

/** A register row as the list shows it. */
export function decisionSummary(row: Row): DecisionSummaryView {
  const amends = row.amends as { decisionId?: string } | null;
  const supersedes = row.supersedes as { decisionId?: string } | null;
  return {
    decisionId: String(row.decision_id),
    resolution: String(row.resolution),
    kind: String(row.kind),
    recommendedTo: optionalText(row.recommended_to),
    meeting: {
      meetingId: String(row.meeting_id),
      title: optionalText(row.meeting_title),
      startsAt: optionalText(row.meeting_starts_at),
    },
    item: { itemId: String(row.item_id), title: optionalText(row.item_title) },
    themes: row.themes as string[],
    principles: row.principles as string[],
    reached: row.reached as unknown as HowReachedView,
    voiceEvidence: {
      contributions: Number(row.contributions),
      influence: {
        shaped: Number(row.shaped),
        informed: Number(row.informed),
        'considered-not-adopted': Number(row.considered_not_adopted),
      },
      noneAppliedReason: optionalText(row.none_applied_reason),
    },
    recordedAt: String(row.recorded_at),
    decidedOn: String(row.decided_on),
    amended: Number(row.amendments) > 0,
    superseded: row.superseded_by !== null,
    supersededBy: optionalText(row.superseded_by),
    amendsDecisionId: amends?.decisionId,
    supersedesDecisionId: supersedes?.decisionId,
  };
}
