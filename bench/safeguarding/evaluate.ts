// Measures the safeguarding screen (the default rules, as every board has them) against the labelled
// views the tests keep: recall on disclosures by harm and overall, the false-positive rate on near
// misses by kind and overall, on the tuning set, the held-out set and both. A table on stdout, then
// one JSON line. Misses are named by view id and harm only: nothing of a view's words is printed.
import { performance } from 'node:perf_hooks';
import { DEFAULT_SAFEGUARDING_RULES } from '../../libs/voice/src/domain/safeguarding/default-safeguarding-rules.js';
import {
  evaluateScreen,
  type ScreenEvaluation,
  type Share,
} from '../../libs/voice/src/domain/safeguarding/evaluation.js';
import { HELD_OUT } from '../../libs/voice/src/domain/safeguarding/labelled/held-out.js';
import { HARMS, NEAR_MISSES } from '../../libs/voice/src/domain/safeguarding/labelled/labelled-view.js';
import { TUNING } from '../../libs/voice/src/domain/safeguarding/labelled/tuning.js';
import { screen } from '../../libs/voice/src/domain/safeguarding/screen.js';

const RECALL = 0.97;
const FALSE_POSITIVES = 0.05;
const byDefaults = (text: string) => screen(text, DEFAULT_SAFEGUARDING_RULES);

// The first view pays for compiling the rules and loading the tagger: timed apart.
const warm = performance.now();
byDefaults('warming up');
const warmUp = performance.now() - warm;
const started = performance.now();
const tuning = evaluateScreen(byDefaults, TUNING);
const heldOut = evaluateScreen(byDefaults, HELD_OUT);
const elapsed = performance.now() - started;
const sets = { tuning, heldOut, all: evaluateScreen(byDefaults, [...TUNING, ...HELD_OUT]) };

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const cell = (s: Share) => `${pct(s.rate).padStart(6)} (${s.flagged}/${s.total})`.padEnd(18);
const row = (name: string, pick: (e: ScreenEvaluation) => Share) =>
  console.log(`${name.padEnd(16)}${cell(pick(sets.tuning))}${cell(pick(sets.heldOut))}${cell(pick(sets.all))}`);

console.log('Safeguarding screen (default rules) on the labelled views.');
console.log(
  `Views: ${TUNING.length} tuning + ${HELD_OUT.length} held out (written before tuning, never used to tune).\n`,
);
console.log(`Recall: disclosures flagged (target ${pct(RECALL)} or better)`);
console.log(`${'harm'.padEnd(16)}${'tuning'.padEnd(18)}${'held out'.padEnd(18)}all`);
for (const harm of HARMS) row(harm, (e) => e.recallByHarm[harm]);
row('overall', (e) => e.recall);
console.log(`\nFalse positives: near misses flagged (target ${pct(FALSE_POSITIVES)} or less)`);
console.log(`${'near miss'.padEnd(16)}${'tuning'.padEnd(18)}${'held out'.padEnd(18)}all`);
for (const kind of NEAR_MISSES) row(kind, (e) => e.falsePositivesByKind[kind]);
row('overall', (e) => e.falsePositives);
console.log('');
for (const [name, e] of [
  ['tuning', sets.tuning],
  ['held out', sets.heldOut],
] as const) {
  if (e.missed.length) console.log(`${name} missed: ${e.missed.map((m) => `${m.id} (${m.harm})`).join(', ')}`);
  if (e.wronglyFlagged.length) {
    console.log(
      `${name} flagged: ${e.wronglyFlagged.map((m) => `${m.id} (${m.kind}: ${m.categories.join('+')})`).join(', ')}`,
    );
  }
}
const views = TUNING.length + HELD_OUT.length;
console.log(
  `\n${(elapsed / views).toFixed(2)} ms a view (the first took ${warmUp.toFixed(0)} ms: rules compiled, tagger loaded)`,
);
const passed = sets.all.recall.rate >= RECALL && sets.all.falsePositives.rate <= FALSE_POSITIVES;
const heldOutPassed = sets.heldOut.recall.rate >= RECALL && sets.heldOut.falsePositives.rate <= FALSE_POSITIVES;
console.log(
  passed
    ? `PASS on the whole set: recall ${pct(sets.all.recall.rate)}, false positives ${pct(sets.all.falsePositives.rate)}`
    : `FAIL on the whole set: recall ${pct(sets.all.recall.rate)}, false positives ${pct(sets.all.falsePositives.rate)}`,
);
console.log(
  `held out alone: recall ${pct(sets.heldOut.recall.rate)}, false positives ${pct(sets.heldOut.falsePositives.rate)}` +
    (heldOutPassed ? ' (both targets met)' : ' (below a target)'),
);

const figures = (e: ScreenEvaluation) => ({
  views: e.views,
  recall: e.recall.rate,
  disclosures: e.recall.total,
  flaggedDisclosures: e.recall.flagged,
  recallByHarm: Object.fromEntries(HARMS.map((h) => [h, e.recallByHarm[h].rate])),
  falsePositiveRate: e.falsePositives.rate,
  nearMisses: e.falsePositives.total,
  flaggedNearMisses: e.falsePositives.flagged,
  falsePositivesByKind: Object.fromEntries(NEAR_MISSES.map((k) => [k, e.falsePositivesByKind[k].rate])),
  missed: e.missed.map((m) => `${m.id}:${m.harm}`),
  wronglyFlagged: e.wronglyFlagged.map((m) => `${m.id}:${m.kind}`),
});
console.log(
  JSON.stringify({
    bench: 'safeguarding',
    targets: { recall: RECALL, falsePositiveRate: FALSE_POSITIVES },
    passed,
    heldOutPassed,
    tuning: figures(sets.tuning),
    heldOut: figures(sets.heldOut),
    all: figures(sets.all),
    msPerView: elapsed / views,
    msFirstView: warmUp,
  }),
);
if (!passed) process.exitCode = 1;
