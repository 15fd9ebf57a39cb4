// A board's log at scale, for bench:insight: views through their whole journey, decisions citing
// them, the actions those decisions set and the officers' progress notes on them, in time order.
// Event data has the exact shapes the deciders write (the projections park anything else, which the
// benchmark checks), written straight to the store: driving a million events through the deciders
// would measure the deciders, not the read models.
import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '#event-store';

export interface WorkloadShape {
  readonly views: number;
  readonly decisions: number;
  /** Views each decision cites (each view is cited at most once). */
  readonly citationsPerDecision: number;
  /** Progress notes per action: what brings the log to the size asked for. */
  readonly progressPerAction: number;
}

export interface WorkloadIds {
  readonly tenantId: string;
  readonly decisionIds: readonly string[];
  readonly events: number;
  /** Middle of the log's time span: time travel reads the board as it was then. */
  readonly midpoint: string;
}

const THEMES = ['placement-stability', 'education', 'health', 'leaving-care', 'contact-with-family', 'participation'];
const SHARING = ['summary-only', 'anonymised', 'verbatim'] as const;
const INFLUENCES = ['shaped', 'informed', 'considered-not-adopted'] as const;
const START = Date.parse('2025-12-01T09:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const YEAR = 365 * DAY;

interface Pending {
  readonly at: number;
  readonly stream: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly actor: string;
}

type Kind = 'submitted' | 'accepted' | 'tabled' | 'considered' | 'decision' | 'action' | 'progress' | 'feedback';

/** One event to write, small until written: [time, kind, decision index, view or note index]. */
type Slot = readonly [number, Kind, number, number];

/** Every event's slot, in time order: a board's log is written as things happen. */
function schedule(shape: WorkloadShape): Slot[] {
  // Decisions are spread evenly over a year; each cites the views given in the weeks before it.
  const slots: Slot[] = [];
  const perDecision = Math.ceil(shape.views / shape.decisions);
  for (let d = 0; d < shape.decisions; d += 1) {
    const decisionAt = decisionTime(shape, d);
    for (let v = d * perDecision; v < Math.min(shape.views, (d + 1) * perDecision); v += 1) {
      const submitted = decisionAt - 20 * DAY + (v % perDecision) * 37 * MINUTE;
      slots.push([submitted, 'submitted', d, v], [submitted + 60 * MINUTE, 'accepted', d, v]);
      slots.push([decisionAt - 2 * DAY, 'tabled', d, v], [decisionAt - 10 * MINUTE, 'considered', d, v]);
      slots.push([decisionAt + 7 * DAY, 'feedback', d, v]);
    }
    slots.push([decisionAt, 'decision', d, 0], [decisionAt + MINUTE, 'action', d, 0]);
    for (let p = 0; p < shape.progressPerAction; p += 1) slots.push([decisionAt + (p + 2) * DAY, 'progress', d, p]);
  }
  // Stable: a view's own events keep their order when two fall in the same minute.
  return slots.sort((a, b) => a[0] - b[0]);
}

export const decisionTime = (shape: WorkloadShape, d: number): number =>
  START + Math.floor(((d + 1) / (shape.decisions + 1)) * YEAR);

function eventFor(shape: WorkloadShape, [at, kind, d, n]: Slot): Pending {
  const perDecision = Math.ceil(shape.views / shape.decisions);
  const meetingId = `meeting-${Math.floor(d / 10)}`;
  const itemId = `item-${d % 10}`;
  const decisionId = `decision-${d}`;
  const actionId = `action-${d}`;
  const id = `view-${n}`;
  const stream = `contribution-${id}`;
  const when = iso(at);
  switch (kind) {
    case 'submitted': {
      const theme = THEMES[n % THEMES.length]!;
      return {
        at,
        stream,
        type: 'ContributionSubmitted',
        actor: `yp-${n}`,
        data: {
          contributionId: id,
          authorPseudonym: `yp-${n}`,
          text: `I think ${theme.replace(/-/g, ' ')} should be better, because of what happened to me (view ${n}).`,
          themes: [theme],
          target: { kind: 'agenda-item', meetingId, itemId },
          channel: 'online',
          sharing: SHARING[n % 3],
          receiptCodeHash: `hash-${n}`,
          late: false,
          at: when,
        },
      };
    }
    case 'accepted':
      return { at, stream, type: 'ContributionAccepted', actor: 'moderator', data: { contributionId: id, at: when } };
    case 'tabled':
    case 'considered':
      return {
        at,
        stream,
        type: kind === 'tabled' ? 'ContributionTabled' : 'ContributionConsidered',
        actor: 'clerk',
        data: { contributionId: id, meetingId, itemId, at: when },
      };
    case 'feedback':
      return {
        at,
        stream,
        type: 'ContributionFeedbackRecorded',
        actor: 'clerk',
        data: {
          contributionId: id,
          feedbackId: `feedback-${decisionId}`,
          text: 'We listened and changed the plan.',
          decisionIds: [decisionId],
          actionIds: [actionId],
          at: when,
        },
      };
    case 'decision': {
      const first = d * perDecision;
      const cited = Array.from(
        { length: Math.min(shape.citationsPerDecision, perDecision) },
        (_, i) => `view-${first + i}`,
      ).filter((v) => Number(v.slice(5)) < shape.views);
      return {
        at,
        stream: `decision-${decisionId}`,
        type: 'DecisionRecorded',
        actor: 'chair',
        data: {
          decisionId,
          meetingId,
          itemId,
          resolution: `Resolution ${d}: the council will act on what young people said.`,
          kind: 'resolution',
          reached: { method: 'consensus' },
          reasons: 'Young people told us clearly.',
          alternativesRejected: [],
          interestsDeclared: [],
          themes: [THEMES[d % THEMES.length]],
          principles: ['take-views-into-account'],
          voiceEvidence:
            cited.length > 0
              ? {
                  contributions: cited.map((contributionId, i) => ({
                    contributionId,
                    influence: INFLUENCES[i % 3],
                    rationale: 'It changed our plan.',
                  })),
                }
              : { noneApplied: { reason: 'A procedural matter.' } },
          at: when,
        },
      };
    }
    case 'action':
      return {
        at,
        stream: `action-${actionId}`,
        type: 'ActionAssigned',
        actor: 'chair',
        data: {
          actionId,
          decisionId,
          description: `Deliver resolution ${d}`,
          owner: { officer: { name: 'Head of Service' } },
          dueOn: iso(at + 60 * DAY).slice(0, 10),
          at: when,
        },
      };
    case 'progress':
      return {
        at,
        stream: `action-${actionId}`,
        type: 'ActionProgressRecorded',
        actor: 'officer',
        data: { actionId, note: `Update ${n}: on track.`, at: when },
      };
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Writes the workload one event per append, in time order, and returns what a reader needs. */
export async function writeWorkload(
  store: EventStore,
  shape: WorkloadShape,
  onProgress: (events: number) => void,
): Promise<WorkloadIds> {
  const tenantId = 'bench-tenant';
  const revisions = new Map<string, bigint>();
  let events = 0;
  for (const slot of schedule(shape)) {
    const p = eventFor(shape, slot);
    const expected = revisions.get(p.stream);
    const event: NewEvent = {
      type: p.type,
      data: p.data,
      metadata: {
        tenantId,
        actor: { id: p.actor, role: p.actor.startsWith('yp-') ? 'young-person' : p.actor },
        onBehalfOf: null,
        correlationId: randomUUID(),
        causationId: randomUUID(),
        commandId: randomUUID(),
        recordedAt: iso(p.at),
      },
    };
    await store.append(p.stream, [event], { expected: expected ?? 'no_stream' });
    revisions.set(p.stream, (expected ?? -1n) + 1n);
    events += 1;
    if (events % 10_000 === 0) onProgress(events);
  }
  return {
    tenantId,
    decisionIds: Array.from({ length: shape.decisions }, (_, d) => `decision-${d}`),
    events,
    midpoint: iso(START + YEAR / 2),
  };
}

/** Events the shape makes: 5 per view (submitted, accepted, tabled, considered, feedback), 2 + notes per decision. */
export function eventsOf(shape: WorkloadShape): number {
  return shape.views * 5 + shape.decisions * (2 + shape.progressPerAction);
}
