import { oneOf } from '#event-store';
import type {
  ActionUpdate,
  OutcomeActionRow,
  OutcomeDecisionRow,
  OutcomeMeetingRow,
} from './board-outcomes.projection.js';

// What the board did, in plain words for a young reader (and the same facts as fields, for pages and
// integrations). Pure: the rows come from the board outcomes read model, `today` from the caller's clock.

export type Influence = 'shaped' | 'informed' | 'considered-not-adopted';

/** How much a view weighed in a decision, as the young person who gave it is told. */
const INFLUENCE_WORDS: Readonly<Record<Influence, string>> = {
  shaped: 'Your view shaped this decision.',
  informed: 'Your view helped the board make this decision.',
  'considered-not-adopted': 'The board thought about your view, but decided to do something different.',
};

/** The words for an influence as a citation row holds it (undefined for any other text). */
export function influenceWords(influence: string): string | undefined {
  const words: Readonly<Partial<Record<string, string>>> = INFLUENCE_WORDS;
  return words[influence];
}

export interface MeetingPlace {
  readonly meetingId: string;
  readonly title: string;
  readonly startsAt: string;
  readonly cancelled: boolean;
  /** The agenda item's title; absent for an item taken in private. */
  readonly item?: string;
}

export interface ActionUpdateOutcome {
  readonly kind: ActionUpdate['kind'];
  readonly at: string;
  /** What was reported, as written by the board's officer. */
  readonly note: string;
  /** The note with its kind, in plain words ("Done: ..."). */
  readonly words: string;
}

export interface ActionOutcome {
  readonly actionId: string;
  /** What the board asked someone to do. */
  readonly description: string;
  readonly assignedAt: string;
  /** The London date it is due by. */
  readonly dueOn: string;
  readonly status: 'open' | 'overdue' | 'completed' | 'cancelled';
  readonly statusWords: string;
  readonly completedOn?: string;
  /** Every update, oldest first. */
  readonly updates: readonly ActionUpdateOutcome[];
}

export interface DecisionOutcome {
  readonly decisionId: string;
  readonly decidedAt: string;
  readonly meeting?: MeetingPlace;
  /** Taken in private (an exempt item): its words and actions are not shown. */
  readonly private: boolean;
  /** The board's resolution as recorded; absent for a decision taken in private. */
  readonly resolution?: string;
  readonly status: 'in-force' | 'amended' | 'superseded';
  readonly statusWords?: string;
  readonly changedAt?: string;
  readonly actions: readonly ActionOutcome[];
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const CALENDAR_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** '2026-04-14T16:30:00Z' or '2026-04-14' -> '14 April 2026' (instants on the London calendar). */
export function plainDate(value: string): string {
  const calendar = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(calendar ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return (calendar ? CALENDAR_DATE : LONG_DATE).format(date);
}

/** A meeting (and, unless taken in private, an item of it) as a young person may hear of it. */
export function meetingPlace(meeting: OutcomeMeetingRow | undefined, itemId?: string): MeetingPlace | undefined {
  if (!meeting) return undefined;
  const item = itemId ? meeting.items[itemId] : undefined;
  return {
    meetingId: meeting.meeting_id,
    title: meeting.title,
    startsAt: meeting.starts_at,
    cancelled: meeting.cancelled,
    ...(item && !item.restricted ? { item: item.title } : {}),
  };
}

export function isPrivateItem(meeting: OutcomeMeetingRow | undefined, itemId: string): boolean {
  return meeting?.items[itemId]?.restricted === true;
}

const UPDATE_WORDS: Readonly<Record<ActionUpdate['kind'], string>> = {
  progress: 'Update',
  completed: 'Done',
  cancelled: 'Stopped',
};

export function actionOutcome(row: OutcomeActionRow, today: string): ActionOutcome {
  const dueOn = row.due_on;
  const stored = row.status;
  const status: ActionOutcome['status'] =
    stored === 'completed' || stored === 'cancelled' ? stored : dueOn < today ? 'overdue' : 'open';
  const completedOn = row.completed_on ?? undefined;
  const statusWords = {
    open: `The board is working on this. It should be done by ${plainDate(dueOn)}.`,
    overdue: `This should have been done by ${plainDate(dueOn)}. It is late.`,
    completed: `This was done on ${plainDate(completedOn ?? dueOn)}.`,
    cancelled: 'The board stopped this.',
  }[status];
  const updates = row.updates.map((update) => ({
    kind: update.kind,
    at: update.at,
    note: update.note,
    words: `${UPDATE_WORDS[update.kind]}: ${update.note}`,
  }));
  return {
    actionId: row.action_id,
    description: row.description,
    assignedAt: row.assigned_at,
    dueOn,
    status,
    statusWords,
    ...(completedOn ? { completedOn } : {}),
    updates,
  };
}

/** A decision and the actions it set, oldest action first; a private item's decision shows neither. */
export function decisionOutcome(
  decision: OutcomeDecisionRow,
  meeting: OutcomeMeetingRow | undefined,
  actions: readonly OutcomeActionRow[],
  today: string,
): DecisionOutcome {
  const status = decisionStatus(decision.status);
  const changedAt = decision.changed_at ?? undefined;
  const hidden = isPrivateItem(meeting, decision.item_id);
  const statusWords =
    status === 'amended'
      ? `The board changed this decision later${changedAt ? `, on ${plainDate(changedAt)}` : ''}.`
      : status === 'superseded'
        ? `The board replaced this decision with a new one${changedAt ? ` on ${plainDate(changedAt)}` : ''}.`
        : undefined;
  const place = meetingPlace(meeting, decision.item_id);
  return {
    decisionId: decision.decision_id,
    decidedAt: decision.recorded_at,
    ...(place ? { meeting: place } : {}),
    private: hidden,
    ...(hidden ? {} : { resolution: decision.resolution }),
    status,
    ...(statusWords ? { statusWords } : {}),
    ...(changedAt ? { changedAt } : {}),
    actions: hidden
      ? []
      : [...actions]
          .sort((a, b) => a.assigned_at.localeCompare(b.assigned_at))
          .map((action) => actionOutcome(action, today)),
  };
}

const DECISION_STATUSES: readonly DecisionOutcome['status'][] = ['in-force', 'amended', 'superseded'];

/** The status column's word ('in-force' for any other: the projection writes none). */
function decisionStatus(stored: string): DecisionOutcome['status'] {
  return oneOf(DECISION_STATUSES, stored) ?? 'in-force';
}
