import type { TopLevelSpec } from 'vega-lite';
import type { ImpactSeries } from '../voice-impact/get-voice-impact.query.js';

/** A chart as SVG, with what a screen reader says for it and the table that carries the same figures. */
export interface Chart {
  readonly title: string;
  readonly description: string;
  readonly svg: string;
  readonly table: { readonly head: readonly string[]; readonly rows: readonly (string | number)[][] };
}

// Colours a reader with colour blindness can tell apart (Okabe-Ito), on white.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const base = (description: string): Partial<TopLevelSpec> => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  description,
  width: 520,
  height: 220,
  config: { font: 'Arial, sans-serif', range: { category: PALETTE } },
});

/** The charts of the evidence pack and the dashboard, drawn on the server with Vega-Lite (no browser needed). */
export async function impactCharts(series: ImpactSeries): Promise<Chart[]> {
  const byTheme = series.viewsByThemeAndMonth;
  const decisions = series.decisionsByMonth.flatMap((d) => [
    { month: d.month, evidence: 'With children’s views', decisions: d.withVoice },
    { month: d.month, evidence: 'Without', decisions: d.without },
  ]);
  const days = series.daysToFeedback.map((d) => ({ days: d }));
  return Promise.all([
    draw(
      'Views by theme over time',
      'Stacked bars: the number of views young people gave each month, by theme.',
      {
        data: { values: [...byTheme] },
        mark: 'bar',
        encoding: {
          x: { field: 'month', type: 'ordinal', title: 'Month' },
          y: { field: 'views', type: 'quantitative', aggregate: 'sum', title: 'Views' },
          color: { field: 'theme', type: 'nominal', title: 'Theme' },
        },
      },
      { head: ['Month', 'Theme', 'Views'], rows: byTheme.map((r) => [r.month, r.theme, r.views]) },
    ),
    draw(
      'Decisions with and without children’s views',
      'Stacked bars: decisions recorded each month that cited children’s views, and those that did not.',
      {
        data: { values: decisions },
        mark: 'bar',
        encoding: {
          x: { field: 'month', type: 'ordinal', title: 'Month' },
          y: { field: 'decisions', type: 'quantitative', aggregate: 'sum', title: 'Decisions' },
          color: { field: 'evidence', type: 'nominal', title: 'Evidence' },
        },
      },
      {
        head: ['Month', 'With children’s views', 'Without'],
        rows: series.decisionsByMonth.map((d) => [d.month, d.withVoice, d.without]),
      },
    ),
    draw(
      'Time to feedback',
      'Histogram: how many days young people waited from giving a view to hearing back.',
      {
        data: { values: days },
        mark: 'bar',
        encoding: {
          x: { field: 'days', type: 'quantitative', bin: { maxbins: 12 }, title: 'Days to feedback' },
          y: { aggregate: 'count', type: 'quantitative', title: 'Views' },
        },
      },
      { head: ['Days to feedback'], rows: series.daysToFeedback.map((d) => [d]) },
    ),
  ]);
}

/**
 * Vega and Vega-Lite, loaded on the first chart rather than at start-up: they take ~0.8 s to load, which
 * every process (the api, the projector, each CLI command) paid though only an evidence pack draws. One
 * after the other and once, as the charts are drawn side by side (Jest's module loader, under the tests,
 * fails on two imports of one module graph in flight at once).
 */
let renderers: Promise<{ vega: typeof import('vega'); compile: typeof import('vega-lite').compile }> | undefined;

async function loadRenderers() {
  const vega = await import('vega');
  const { compile } = await import('vega-lite');
  return { vega, compile };
}

async function draw(
  title: string,
  description: string,
  spec: Partial<TopLevelSpec>,
  table: Chart['table'],
): Promise<Chart> {
  const full = { ...base(description), ...spec } as TopLevelSpec;
  const { vega, compile } = await (renderers ??= loadRenderers());
  const view = new vega.View(vega.parse(compile(full).spec), { renderer: 'none' });
  try {
    return { title, description, svg: await view.toSVG(), table };
  } finally {
    view.finalize();
  }
}
