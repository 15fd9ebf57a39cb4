import {
  HARMS,
  NEAR_MISSES,
  isDisclosure,
  type Harm,
  type LabelledView,
  type NearMiss,
} from './labelled/labelled-view.js';
import type { ScreenResult } from './screen.js';

export interface Share {
  /** Disclosures flagged, or near misses flagged (a false positive). */
  readonly flagged: number;
  readonly total: number;
  /** flagged / total (1 for recall, 0 for the false-positive rate, when there is nothing to count). */
  readonly rate: number;
}

export interface ScreenEvaluation {
  readonly views: number;
  /** Disclosures the screen flagged: recall, overall and by harm. */
  readonly recall: Share;
  readonly recallByHarm: Readonly<Record<Harm, Share>>;
  /** Near misses the screen flagged: the false-positive rate, overall and by kind. */
  readonly falsePositives: Share;
  readonly falsePositivesByKind: Readonly<Record<NearMiss, Share>>;
  /** Ids only: a view's words are never part of what is printed. */
  readonly missed: ReadonlyArray<{ readonly id: string; readonly harm: Harm }>;
  readonly wronglyFlagged: ReadonlyArray<{
    readonly id: string;
    readonly kind: NearMiss;
    readonly categories: string[];
  }>;
}

const share = (flagged: number, total: number, empty: number): Share => ({
  flagged,
  total,
  rate: total === 0 ? empty : flagged / total,
});

/** Runs a screen over labelled views: recall on the disclosures, false positives on the near misses. */
export function evaluateScreen(
  screen: (text: string) => ScreenResult,
  views: readonly LabelledView[],
): ScreenEvaluation {
  const byHarm = new Map<Harm, { flagged: number; total: number }>(HARMS.map((h) => [h, { flagged: 0, total: 0 }]));
  const byKind = new Map<NearMiss, { flagged: number; total: number }>(
    NEAR_MISSES.map((k) => [k, { flagged: 0, total: 0 }]),
  );
  const missed: Array<{ id: string; harm: Harm }> = [];
  const wronglyFlagged: Array<{ id: string; kind: NearMiss; categories: string[] }> = [];
  for (const view of views) {
    const result = screen(view.text);
    if (isDisclosure(view)) {
      const count = byHarm.get(view.harm)!;
      count.total++;
      if (result.flagged) count.flagged++;
      else missed.push({ id: view.id, harm: view.harm });
    } else {
      const count = byKind.get(view.near)!;
      count.total++;
      if (result.flagged) {
        count.flagged++;
        wronglyFlagged.push({ id: view.id, kind: view.near, categories: result.matchedCategories });
      }
    }
  }
  const sum = (counts: Iterable<{ flagged: number; total: number }>) =>
    [...counts].reduce((a, c) => ({ flagged: a.flagged + c.flagged, total: a.total + c.total }), {
      flagged: 0,
      total: 0,
    });
  const disclosures = sum(byHarm.values());
  const nearMisses = sum(byKind.values());
  return {
    views: views.length,
    recall: share(disclosures.flagged, disclosures.total, 1),
    recallByHarm: Object.fromEntries(
      HARMS.map((h) => [h, share(byHarm.get(h)!.flagged, byHarm.get(h)!.total, 1)]),
    ) as Record<Harm, Share>,
    falsePositives: share(nearMisses.flagged, nearMisses.total, 0),
    falsePositivesByKind: Object.fromEntries(
      NEAR_MISSES.map((k) => [k, share(byKind.get(k)!.flagged, byKind.get(k)!.total, 0)]),
    ) as Record<NearMiss, Share>,
    missed,
    wronglyFlagged,
  };
}
