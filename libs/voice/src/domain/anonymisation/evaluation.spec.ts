import { anonymise } from '../../contracts/anonymisation.js';
import { evaluateAnonymiser } from './evaluation.js';
import { HELD_OUT } from './labelled/held-out.js';
import { LABEL_KINDS, spansOf } from './labelled/labelled-sentence.js';
import { TUNING } from './labelled/tuning.js';

// The same measure as `npm run eval:anonymisation`, held to the bar: 95% of the labelled names,
// nicknames, places, streets, schools, dates, handles and contact details removed, on the sentences the
// anonymiser was tuned on and on the quarter it never saw.
const RECALL = 0.95;
const ALL = [...TUNING, ...HELD_OUT];

describe('the labelled children’s sentences', () => {
  it('hold at least 200 sentences, a quarter held out, every kind and some with nothing to remove', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(200);
    expect(HELD_OUT.length / ALL.length).toBeGreaterThanOrEqual(0.2);
    expect(new Set(ALL.map((s) => s.id)).size).toBe(ALL.length);
    for (const kind of LABEL_KINDS) expect(ALL.some((s) => s.pii.some(([k]) => k === kind))).toBe(true);
    expect(ALL.filter((s) => s.pii.length === 0).length).toBeGreaterThanOrEqual(ALL.length / 10);
  });

  it('label spans that are in their sentences, in order', () => {
    for (const sentence of ALL) expect(() => spansOf(sentence)).not.toThrow();
  });
});

describe.each([
  ['the tuning set', TUNING],
  ['the held-out set', HELD_OUT],
  ['both', ALL],
])('the anonymiser on %s', (_, sentences) => {
  const evaluation = evaluateAnonymiser(anonymise, sentences);
  const missed = evaluation.missed.map((m) => `${m.id} (${m.kind})`).join(', ');

  it(`removes ${RECALL * 100}% or more of what identifies anyone`, () => {
    // On failure, name what was missed (by sentence id and kind).
    expect(evaluation.overall.recall >= RECALL ? '' : missed).toBe('');
    expect(evaluation.overall.recall).toBeGreaterThanOrEqual(RECALL);
  });

  it('leaves nine in ten sentences with nothing to remove untouched, and mostly removes what it should', () => {
    expect(evaluation.clean.changed).toBeLessThanOrEqual(evaluation.clean.sentences / 10);
    expect(evaluation.precision).toBeGreaterThanOrEqual(0.9);
  });
});
