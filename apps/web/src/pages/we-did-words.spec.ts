import { loadCatalogues } from './locales.js';
import { pageDate } from './page-renderer.js';
import { actionWords, changedWords, peopleWords, progressWords, themeWords, updateWords } from './we-did-words.js';

// "You said, we did" in English says what the public API's English says (libs/voice's we-did.ts and
// outcome-words.ts), so a reader and an integration are told the same; Welsh is made from the same facts.

const catalogues = loadCatalogues();
const en = catalogues.t('en');
const cy = catalogues.t('cy');
const enDate = (value: string) => pageDate(value, 'en-GB');
const action = { dueOn: '2026-05-31', updates: [] };

describe('"You said, we did" in words', () => {
  it('tells how the things the board asked for are going, as the API does', () => {
    expect(progressWords(en, { total: 0, done: 0, late: 0 })).toBe(
      'The board did not ask anyone to do something more for this decision.',
    );
    expect(progressWords(en, { total: 1, done: 1, late: 0 })).toBe(
      'All done: the board asked for 1 thing, and it is done.',
    );
    expect(progressWords(en, { total: 3, done: 3, late: 0 })).toBe(
      'All done: the board asked for 3 things, and they are all done.',
    );
    expect(progressWords(en, { total: 3, done: 1, late: 0 })).toBe('1 of 3 things the board asked for is done.');
    expect(progressWords(en, { total: 3, done: 0, late: 1 })).toBe(
      '0 of 3 things the board asked for are done; 1 is late.',
    );
    expect(progressWords(en, { total: 4, done: 2, late: 2 })).toBe(
      '2 of 4 things the board asked for are done; 2 are late.',
    );
    expect(progressWords(cy, { total: 2, done: 2, late: 0 })).toContain('2 peth');
  });

  it('says where an action stands, its updates, and whether the decision changed', () => {
    expect(actionWords(en, enDate, { ...action, status: 'open' } as never)).toBe(
      'The board is working on this. It should be done by 31 May 2026.',
    );
    expect(actionWords(en, enDate, { ...action, status: 'overdue' } as never)).toBe(
      'This should have been done by 31 May 2026. It is late.',
    );
    expect(actionWords(en, enDate, { ...action, status: 'completed', completedOn: '2026-05-20' } as never)).toBe(
      'This was done on 20 May 2026.',
    );
    expect(actionWords(en, enDate, { ...action, status: 'cancelled' } as never)).toBe('The board stopped this.');
    expect(actionWords(cy, (v) => pageDate(v, 'cy-GB'), { ...action, status: 'open' } as never)).toContain(
      '31 Mai 2026',
    );
    expect(
      updateWords(en, { kind: 'completed', at: '2026-05-20T10:00:00Z', note: 'It is in the guide.', words: '' }),
    ).toBe('Done: It is in the guide.');
    expect(updateWords(en, { kind: 'progress', at: '2026-05-20T10:00:00Z', note: 'A draft.', words: '' })).toBe(
      'Update: A draft.',
    );
    expect(changedWords(en, enDate, { status: 'in-force' })).toBeUndefined();
    expect(changedWords(en, enDate, { status: 'amended', changedAt: '2026-06-03T09:00:00Z' })).toBe(
      'The board changed this decision later, on 3 June 2026.',
    );
    expect(changedWords(en, enDate, { status: 'superseded', changedAt: '2026-06-10T09:00:00Z' })).toBe(
      'The board replaced this decision with a new one on 10 June 2026.',
    );
    expect(changedWords(en, enDate, { status: 'superseded' })).toBe('The board replaced this decision with a new one.');
  });

  it('names who told the board and about what, with themes in plain words', () => {
    expect(peopleWords(en, { views: 1, themes: ['placement-stability'] })).toBe(
      '1 young person told us about: where I live and moving home.',
    );
    expect(peopleWords(en, { views: 2, themes: ['health', 'family-time'] })).toBe(
      '2 young people told us about: health, seeing my family.',
    );
    expect(peopleWords(en, { views: 3, themes: [] })).toBe('3 young people told us what they think.');
    expect(themeWords(en, 'a-new-theme')).toBe('a new theme');
    expect(themeWords(cy, 'health')).toBe('iechyd');
    // Welsh has a form for every plural category (zero, one, two, few, many, other).
    for (const count of [0, 1, 2, 3, 6, 7]) expect(cy('youSaid.people', { count })).not.toMatch(/young/);
  });
});
