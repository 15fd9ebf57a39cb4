// Measures the anonymiser ("anonymised" sharing) against the labelled children's sentences the tests
// keep: recall per kind and overall on the tuning set and on the held-out set, how often a sentence with
// nothing to remove loses words, and precision by character. A table on stdout, then one JSON line.
// Missed spans are named by sentence id and kind only: nothing of the sentences is printed.
import { performance } from 'node:perf_hooks';
import { anonymise } from '../../libs/voice/src/contracts/anonymisation.js';
import { evaluateAnonymiser, type Evaluation } from '../../libs/voice/src/domain/anonymisation/evaluation.js';
import { HELD_OUT } from '../../libs/voice/src/domain/anonymisation/labelled/held-out.js';
import { LABEL_KINDS } from '../../libs/voice/src/domain/anonymisation/labelled/labelled-sentence.js';
import { TUNING } from '../../libs/voice/src/domain/anonymisation/labelled/tuning.js';

const TARGET = 0.95;
const started = performance.now();
const tuning = evaluateAnonymiser(anonymise, TUNING);
const heldOut = evaluateAnonymiser(anonymise, HELD_OUT);
// Timed on the first pass only: the contract's anonymiser remembers its last answers.
const elapsed = performance.now() - started;
const sets = { tuning, heldOut, all: evaluateAnonymiser(anonymise, [...TUNING, ...HELD_OUT]) };

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const cell = (e: Evaluation, kind?: (typeof LABEL_KINDS)[number]) => {
  const r = kind ? e.byKind[kind] : e.overall;
  return `${pct(r.recall).padStart(6)} (${r.found}/${r.total})`.padEnd(18);
};

console.log(`Anonymiser recall: a labelled span counts as found when every character of it was removed.`);
console.log(`Sentences: ${TUNING.length} tuning + ${HELD_OUT.length} held out (never used to tune).\n`);
console.log(`${'kind'.padEnd(10)}${'tuning'.padEnd(18)}${'held out'.padEnd(18)}all`);
for (const kind of LABEL_KINDS) {
  console.log(`${kind.padEnd(10)}${cell(sets.tuning, kind)}${cell(sets.heldOut, kind)}${cell(sets.all, kind)}`);
}
console.log(`${'overall'.padEnd(10)}${cell(sets.tuning)}${cell(sets.heldOut)}${cell(sets.all)}\n`);
for (const [name, e] of Object.entries(sets)) {
  if (name === 'all') continue;
  console.log(
    `${name}: ${e.clean.changed} of ${e.clean.sentences} sentences with nothing to remove lost words ` +
      `(${pct(e.clean.removedShare)} of their characters); precision by character ${pct(e.precision)}`,
  );
  if (e.missed.length) console.log(`  missed: ${e.missed.map((m) => `${m.id} (${m.kind})`).join(', ')}`);
}
const sentences = TUNING.length + HELD_OUT.length;
console.log(`\n${(elapsed / sentences).toFixed(2)} ms a sentence (first pass, nothing remembered yet)`);
const passed = sets.all.overall.recall >= TARGET && sets.heldOut.overall.recall >= TARGET;
console.log(passed ? `PASS: recall is ${TARGET * 100}% or better` : `FAIL: recall below ${TARGET * 100}%`);

const figures = (e: Evaluation) => ({
  sentences: e.sentences,
  recall: e.overall.recall,
  found: e.overall.found,
  spans: e.overall.total,
  byKind: Object.fromEntries(LABEL_KINDS.map((k) => [k, e.byKind[k].recall])),
  cleanSentences: e.clean.sentences,
  cleanChanged: e.clean.changed,
  cleanRemovedShare: e.clean.removedShare,
  precision: e.precision,
  missed: e.missed.map((m) => `${m.id}:${m.kind}`),
});
console.log(
  JSON.stringify({
    bench: 'anonymisation',
    target: TARGET,
    passed,
    tuning: figures(sets.tuning),
    heldOut: figures(sets.heldOut),
    all: figures(sets.all),
    msPerSentence: elapsed / sentences,
  }),
);
if (!passed) process.exitCode = 1;
