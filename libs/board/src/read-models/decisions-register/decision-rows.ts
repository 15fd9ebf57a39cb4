import { optionalText, type RowOf } from '#event-store';
import { decisionReference } from '../../contracts/decision-reference.js';
import type { DecisionSummaryView } from './decisions-register.dto.js';
import type { REGISTER } from './decisions-register.projection.js';

/** A register row as the list shows it. */
export function decisionSummary(row: RowOf<typeof REGISTER>): DecisionSummaryView {
  return {
    decisionId: row.decision_id,
    reference: decisionReference(row.recorded_number),
    resolution: row.resolution,
    kind: row.kind,
    recommendedTo: optionalText(row.recommended_to),
    meeting: {
      meetingId: row.meeting_id,
      title: optionalText(row.meeting_title),
      startsAt: optionalText(row.meeting_starts_at),
    },
    item: { itemId: row.item_id, title: optionalText(row.item_title) },
    themes: row.themes,
    principles: row.principles,
    reached: row.reached,
    voiceEvidence: {
      contributions: row.contributions,
      influence: {
        shaped: row.shaped,
        informed: row.informed,
        'considered-not-adopted': row.considered_not_adopted,
      },
      noneAppliedReason: optionalText(row.none_applied_reason),
    },
    recordedAt: row.recorded_at,
    decidedOn: row.decided_on,
    amended: row.amendments > 0,
    superseded: row.superseded_by !== null,
    supersededBy: optionalText(row.superseded_by),
    supersededByReference: row.superseded_by_number === null ? undefined : decisionReference(row.superseded_by_number),
    amendsDecisionId: row.amends?.decisionId,
    supersedesDecisionId: row.supersedes?.decisionId,
  };
}
