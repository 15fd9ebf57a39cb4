import { writeFileSync } from 'node:fs';
import { feedbackBins, impactCharts, monthName } from './impact-charts.js';

// Charts people read (issue 23, item 4): themes by the board's names, whole-number count axes, the
// theme named beside its own bar (no legend of codes), drawn at a width a 360 px screen shows unshrunk,
// and each chart's table carries the figures its bars show.

const NAMES = new Map([
  ['placement-stability', 'Stability of placements'],
  ['accommodation-and-homelessness', "Care leavers' accommodation and 16-17 year olds at risk of homelessness"],
  ['family-time', 'Family time'],
]);

const SERIES = {
  viewsByThemeAndMonth: [
    { month: '2026-03', theme: 'placement-stability', views: 2 },
    { month: '2026-04', theme: 'placement-stability', views: 1 },
    { month: '2026-04', theme: 'accommodation-and-homelessness', views: 1 },
    { month: '2026-04', theme: 'family-time', views: 2 },
    { month: '2026-04', theme: 'a-theme-the-board-dropped', views: 1 },
  ],
  decisionsByMonth: [
    { month: '2026-03', withVoice: 1, without: 0 },
    { month: '2026-04', withVoice: 2, without: 1 },
  ],
  daysToFeedback: [0, 3, 3, 12, 20],
};

/** The words Vega drew, one per <text>. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&apos;/g, "'").trim());

describe('the dashboard’s charts', () => {
  it('names themes as the board does, each beside its own bar, never by code and with no legend', async () => {
    const [byTheme] = await impactCharts(SERIES, NAMES);
    if (process.env.CHARTS_OUT) writeFileSync(`${process.env.CHARTS_OUT}/views-by-theme.svg`, byTheme!.svg);
    const words = texts(byTheme!.svg).join(' | ');
    expect(words).toContain('Stability of placements');
    expect(words).toContain('Family time');
    // The longest name is written whole, on two lines, not cut short.
    expect(texts(byTheme!.svg)).toEqual(
      expect.arrayContaining(["Care leavers' accommodation", 'and 16-17 year olds at risk of homelessness']),
    );
    expect(words).not.toMatch(/placement-stability|family-time|…/);
    expect(byTheme!.svg).not.toContain('class="role-legend');
    expect(byTheme!.table).toEqual({
      head: ['Theme', 'Views'],
      rows: [
        ['Stability of placements', 3],
        ['Family time', 2],
        ['a theme the board dropped', 1],
        ["Care leavers' accommodation and 16-17 year olds at risk of homelessness", 1],
      ],
    });
  });

  it('counts on whole-number axes only', async () => {
    const charts = await impactCharts(SERIES, NAMES);
    for (const chart of charts) {
      // Every number drawn, on an axis or at a bar's end, is a whole one (3 views have no tick at 2.5).
      const numbers = texts(chart.svg).filter((t) => /^[\d.,]+$/.test(t));
      expect(numbers.length).toBeGreaterThan(0);
      for (const n of numbers) expect(n).toMatch(/^\d+$/);
    }
  });

  it('says months as people do, and keeps each chart 320 px wide for a 360 px screen', async () => {
    const [, decisions, feedback] = await impactCharts(SERIES, NAMES);
    if (process.env.CHARTS_OUT) {
      writeFileSync(`${process.env.CHARTS_OUT}/decisions.svg`, decisions!.svg);
      writeFileSync(`${process.env.CHARTS_OUT}/feedback.svg`, feedback!.svg);
    }
    expect(texts(decisions!.svg)).toEqual(expect.arrayContaining(['March 2026', 'April 2026']));
    expect(decisions!.table.rows).toEqual([
      ['March 2026', 1, 0],
      ['April 2026', 2, 1],
    ]);
    for (const chart of [decisions!, feedback!]) expect(chart.svg).toMatch(/^<svg[^>]*\bwidth="320"/);
    const [byTheme] = await impactCharts(SERIES, NAMES);
    expect(byTheme!.svg).toMatch(/^<svg[^>]*\bwidth="320"/);
    expect(feedback!.table).toEqual({
      head: ['Days to feedback', 'Views'],
      rows: [
        ['0 to 2', 1],
        ['3 to 5', 2],
        ['6 to 8', 0],
        ['9 to 11', 0],
        ['12 to 14', 1],
        ['15 to 17', 0],
        ['18 to 20', 1],
      ],
    });
  });

  it('bins days to feedback in whole days, about ten bins at most', () => {
    expect(feedbackBins([])).toEqual([]);
    expect(feedbackBins([0, 1, 1, 4]).map((b) => b.bin)).toEqual(['0', '1', '2', '3', '4']);
    const wide = feedbackBins([0, 40, 89]);
    expect(wide.length).toBeLessThanOrEqual(10);
    expect(wide.reduce((sum, b) => sum + b.views, 0)).toBe(3);
    expect(monthName('2026-12')).toBe('December 2026');
  });
});

describe('charts drawn again', () => {
  it('are the same drawing for the same figures, and a new one when a figure changes', async () => {
    const first = await impactCharts(SERIES, NAMES);
    const again = await impactCharts(SERIES, NAMES);
    expect(again.map((chart) => chart.svg)).toEqual(first.map((chart) => chart.svg));
    const more = { ...SERIES, daysToFeedback: [...SERIES.daysToFeedback, 40, 41] };
    const changed = await impactCharts(more, NAMES);
    expect(changed[2]!.svg).not.toEqual(first[2]!.svg);
    expect(changed[0]!.svg).toEqual(first[0]!.svg);
  });
});
