import { followUpContext, type BoardStreams, type CommandContext, type WriteResult } from '#event-store';
import {
  decisionDecider,
  decisionStream,
  type AmendDecision,
  type DecisionContent,
  type LaterDecisionFacts,
  type SupersedeDecision,
} from '../../domain/index.js';
import type { BoardAggregates } from '../board-aggregates.js';

type Change = Pick<DecisionContent, 'amends' | 'supersedes'>;

/** The earlier decision a new one amends or supersedes, if any. */
export function earlierDecisionId(change: Change): string | undefined {
  return change.amends?.decisionId ?? change.supersedes?.decisionId;
}

/** The command for the ORIGINAL decision's stream, noting the later decision `by`. */
export function changeCommand(
  change: Change,
  by: LaterDecisionFacts,
  at: string,
): AmendDecision | SupersedeDecision | undefined {
  if (change.amends) {
    const { decisionId, reason, changes } = change.amends;
    return {
      type: 'AmendDecision',
      data: { decisionId, byDecisionId: by.decisionId, reason, changes, at, facts: { by } },
    };
  }
  if (change.supersedes) {
    const { decisionId, reason } = change.supersedes;
    return { type: 'SupersedeDecision', data: { decisionId, byDecisionId: by.decisionId, reason, at, facts: { by } } };
  }
  return undefined;
}

/**
 * The second of two writes: once the later decision is recorded, the original gains DecisionAmended or
 * DecisionSuperseded on its own stream. Two streams cannot be written atomically; this write has its own
 * command id derived from the request's, so a retry of the same request (same Idempotency-Key) answers
 * the first write as a duplicate and completes this one, or answers it as a duplicate too.
 */
export async function changeEarlierDecision(
  aggregates: BoardAggregates,
  streams: BoardStreams,
  context: CommandContext,
  laterDecisionId: string,
  change: Change,
): Promise<WriteResult | undefined> {
  // The later decision as recorded (on a retry, its time is the first attempt's, not this one's).
  const later = await aggregates.decision(context.tenantId, laterDecisionId);
  const by = { decisionId: laterDecisionId, meetingId: later.meetingId, recordedAt: later.recordedAt };
  const command = changeCommand(change, by, context.now);
  if (!command) return undefined;
  const step = command.type === 'AmendDecision' ? 'amend' : 'supersede';
  const original = command.data.decisionId;
  return streams.run(decisionDecider, decisionStream(original), command, followUpContext(context, step), {
    id: original,
  });
}
