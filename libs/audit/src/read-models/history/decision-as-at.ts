import { evolveDecision, initialDecisionState, type DecisionEvent, type DecisionState } from '#board/contracts';

// A decision as it stood at a moment, folded from its own stream's events with the board's own evolve,
// plus the content as recorded, which an auditor needs and the decider does not keep.

export interface FoldableEvent {
  readonly type: string;
  readonly data: unknown;
}

export type DecisionAsAt = DecisionState & {
  /** DecisionRecorded's data as recorded (resolution, reasons, voice evidence...). */
  readonly content?: Readonly<Record<string, unknown>>;
};

const DECISION_EVENTS: ReadonlySet<string> = new Set(['DecisionRecorded', 'DecisionAmended', 'DecisionSuperseded']);

export const initialDecisionAsAt = (): DecisionAsAt => initialDecisionState();

export function evolveDecisionAsAt(state: DecisionAsAt, event: FoldableEvent): DecisionAsAt {
  // A type the board does not know changes nothing it shows; the history still lists it.
  if (!DECISION_EVENTS.has(event.type)) return state;
  const next: DecisionAsAt = { ...evolveDecision(state, event as DecisionEvent), content: state.content };
  return event.type === 'DecisionRecorded' ? { ...next, content: event.data as Record<string, unknown> } : next;
}

export function foldDecisionAsAt(events: readonly FoldableEvent[]): DecisionAsAt {
  return events.reduce(evolveDecisionAsAt, initialDecisionAsAt());
}
