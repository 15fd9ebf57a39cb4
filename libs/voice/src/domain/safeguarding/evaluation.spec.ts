import { DEFAULT_SAFEGUARDING_RULES } from './default-safeguarding-rules.js';
import { evaluateScreen, type ScreenEvaluation } from './evaluation.js';
import { HELD_OUT } from './labelled/held-out.js';
import { HARMS, NEAR_MISSES, isDisclosure } from './labelled/labelled-view.js';
import { TUNING } from './labelled/tuning.js';
import { screen } from './screen.js';

// The same measure as `npm run eval:safeguarding`, held to the bar on the whole labelled set:
// 97% or more of the disclosures flagged, 5% or fewer of the near misses. The held-out part (written
// before the screen was tuned, never used to tune it) is reported beside it in docs/adr/0015: on its
// own it is small, and one view more or less moves it by a point or more.
const RECALL = 0.97;
const FALSE_POSITIVES = 0.05;
const ALL = [...TUNING, ...HELD_OUT];
const byDefaults = (text: string) => screen(text, DEFAULT_SAFEGUARDING_RULES);

describe('the labelled views', () => {
  it('hold at least 300 disclosures across every harm and 200 near misses of every kind, about 30% held out', () => {
    const disclosures = ALL.filter(isDisclosure);
    expect(disclosures.length).toBeGreaterThanOrEqual(300);
    expect(ALL.length - disclosures.length).toBeGreaterThanOrEqual(200);
    for (const harm of HARMS) expect(disclosures.filter((v) => v.harm === harm).length).toBeGreaterThanOrEqual(30);
    for (const kind of NEAR_MISSES) {
      expect(ALL.filter((v) => !isDisclosure(v) && v.near === kind).length).toBeGreaterThanOrEqual(20);
    }
    expect(HELD_OUT.length / ALL.length).toBeGreaterThanOrEqual(0.25);
    expect(new Set(ALL.map((v) => v.id)).size).toBe(ALL.length);
    expect(new Set(ALL.map((v) => v.text.toLowerCase())).size).toBe(ALL.length);
  });
});

describe('the default screen on the labelled views', () => {
  let all: ScreenEvaluation;
  let heldOut: ScreenEvaluation;

  beforeAll(() => {
    all = evaluateScreen(byDefaults, ALL);
    heldOut = evaluateScreen(byDefaults, HELD_OUT);
  }, 180_000);

  it(`flags ${RECALL * 100}% or more of the disclosures`, () => {
    // On failure, name what was missed by id and harm: never a view's words.
    const missed = all.missed.map((m) => `${m.id} (${m.harm})`).join(', ');
    expect(all.recall.rate >= RECALL ? '' : missed).toBe('');
    expect(all.recall.rate).toBeGreaterThanOrEqual(RECALL);
  });

  it(`flags ${FALSE_POSITIVES * 100}% or fewer of the near misses`, () => {
    const flagged = all.wronglyFlagged.map((m) => `${m.id} (${m.kind})`).join(', ');
    expect(all.falsePositives.rate <= FALSE_POSITIVES ? '' : flagged).toBe('');
    expect(all.falsePositives.rate).toBeLessThanOrEqual(FALSE_POSITIVES);
  });

  it('keeps the held-out figures recorded in the ADR (99.2% recall, 1.3% false positives) or better', () => {
    // A fall here means a change to the rules made new words worse: look at the tuning set, not these.
    expect(heldOut.recall.flagged).toBeGreaterThanOrEqual(125);
    expect(heldOut.falsePositives.flagged).toBeLessThanOrEqual(1);
  });
});
