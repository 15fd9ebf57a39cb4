import type { ViewStanding } from '#voice/contracts';
import { within, type Cut } from './cut.js';

// Whether the board had a view at a moment, from the view's timeline rows (the index projection).

export interface TimelineRow {
  readonly contributionId: string;
  readonly kind: string;
  readonly position: string;
  readonly recordedAt: string;
  readonly meetingId: string | null;
  readonly itemId: string | null;
  readonly decisionId: string | null;
  readonly influence: string | null;
  readonly themes: readonly string[] | null;
  /** On the 'submitted' row: its place in the order views arrived on the board. */
  readonly arrival: number | null;
}

/**
 * Where a view stood at the cut, in voice's one vocabulary: from the timeline alone, which knows moderation's
 * acceptance, withdrawal and erasure (withholding is the separate flag below, then or since).
 */
export const STATUSES_THEN = [
  'not-yet-accepted',
  'available',
  'withdrawn',
  'erased',
] as const satisfies readonly ViewStanding[];
export type StatusThen = (typeof STATUSES_THEN)[number];

export interface ViewThen {
  readonly contributionId: string;
  /** Its place in the order views arrived on the board (its short reference), when the index has it. */
  readonly arrival: number | null;
  readonly themes: readonly string[];
  /** At the cut. */
  readonly status: StatusThen;
  readonly available: boolean;
  /** Escalated for safeguarding at any time, then or since: such a view is never shown to the audit. */
  readonly withheld: boolean;
  /** Later (after the cut) withdrawn or erased by its author: the audit shows the fact, never the words. */
  readonly laterWithdrawn: boolean;
}

/** A view's state at the cut, from all its timeline rows (in any order). */
export function viewAt(contributionId: string, rows: readonly TimelineRow[], cut: Cut): ViewThen {
  const mine = rows.filter((r) => r.contributionId === contributionId);
  const before = mine.filter((r) => within(r, cut));
  const has = (list: readonly TimelineRow[], kind: string) => list.some((r) => r.kind === kind);
  const status: StatusThen = has(before, 'erased')
    ? 'erased'
    : has(before, 'withdrawn')
      ? 'withdrawn'
      : has(before, 'accepted')
        ? 'available'
        : 'not-yet-accepted';
  const withheld = has(mine, 'escalated');
  const submitted = mine.find((r) => r.kind === 'submitted');
  return {
    contributionId,
    arrival: submitted?.arrival ?? null,
    themes: submitted?.themes ?? [],
    status,
    available: status === 'available' && !withheld,
    withheld,
    laterWithdrawn: status === 'available' && (has(mine, 'withdrawn') || has(mine, 'erased')),
  };
}
