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

// Drawn 320 px wide, so a 360 px screen shows each chart at its own size, its words at 12 px, not shrunk.
const WIDTH = 320;
const FONT = 12;

const base = (description: string): Partial<TopLevelSpec> => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  description,
  width: WIDTH,
  autosize: { type: 'fit-x', contains: 'padding' },
  config: {
    font: 'Arial, sans-serif',
    range: { category: PALETTE },
    axis: { labelFontSize: FONT, titleFontSize: FONT },
    legend: { labelFontSize: FONT, titleFontSize: FONT },
    text: { fontSize: FONT },
    view: { stroke: null },
  },
});

/** A count's axis: whole numbers only (a chart of 3 views has no tick at 2.5). */
const countAxis = (title: string) => ({ title, tickMinStep: 1, format: 'd' });

/** "2026-03" as people read it: "March 2026" (the one date style of the staff pages). */
export function monthName(month: string): string {
  const first = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(first.getTime()) ? month : MONTH_YEAR.format(first);
}

const MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A theme's name as two lines for above its bar, the second line nearest the bar: a short name is all
 * on the second; a long one breaks at the last space that leaves at most `width` characters below.
 */
export function twoLines(name: string, width = 44): { above: string; nearest: string } {
  if (name.length <= width) return { above: '', nearest: name };
  const at = name.indexOf(' ', name.length - width);
  return at < 0 ? { above: '', nearest: name } : { above: name.slice(0, at), nearest: name.slice(at + 1) };
}

/**
 * Days to feedback counted in whole-day bins of one width (1, 2, 7, 14... days), about ten bins at most:
 * the table shows the very counts the bars do.
 */
export function feedbackBins(days: readonly number[]): { bin: string; views: number }[] {
  if (days.length === 0) return [];
  const max = Math.max(...days);
  const step = [1, 2, 3, 5, 7, 14, 21, 28, 30, 60, 90, 180, 365].find((s) => max / s < 10) ?? Math.ceil(max / 10);
  const counts = new Array<number>(Math.floor(max / step) + 1).fill(0);
  for (const d of days) counts[Math.floor(d / step)]! += 1;
  return counts.map((views, i) => ({
    bin: step === 1 ? `${i}` : `${i * step} to ${(i + 1) * step - 1}`,
    views,
  }));
}

/**
 * The charts of the evidence pack and the dashboard, drawn on the server with Vega-Lite (no browser
 * needed). Themes by the names the board gives them (`themeNames`, code to name), never their codes.
 */
export async function impactCharts(
  series: ImpactSeries,
  themeNames: ReadonlyMap<string, string> = new Map(),
): Promise<Chart[]> {
  const name = (code: string) => themeNames.get(code) ?? code.replaceAll('-', ' ');
  const totals = new Map<string, number>();
  for (const r of series.viewsByThemeAndMonth) totals.set(r.theme, (totals.get(r.theme) ?? 0) + r.views);
  const byTheme = [...totals]
    .map(([code, views]) => ({ theme: name(code), ...twoLines(name(code)), views }))
    .sort((a, b) => b.views - a.views || a.theme.localeCompare(b.theme));
  const decisions = series.decisionsByMonth.flatMap((d) => [
    { month: monthName(d.month), evidence: 'With children’s views', decisions: d.withVoice },
    { month: monthName(d.month), evidence: 'Without', decisions: d.without },
  ]);
  const months = series.decisionsByMonth.map((d) => monthName(d.month));
  const bins = feedbackBins(series.daysToFeedback);
  // One row per theme: its name written above its bar (no legend to match colours against), the count
  // at the bar's end (room is left for it). Rows are 52 px: up to two lines of name just above the bar.
  const room = { domainMax: Math.ceil(Math.max(1, ...byTheme.map((t) => t.views)) * 1.15) };
  const row = { field: 'theme', type: 'nominal', sort: byTheme.map((t) => t.theme), axis: null } as const;
  const nameLine = (field: string, dy: number) =>
    ({
      mark: { type: 'text', align: 'left', baseline: 'bottom', dy },
      encoding: { text: { field }, x: { datum: 0, type: 'quantitative', axis: null } },
    }) as const;
  return Promise.all([
    draw(
      'Views by theme',
      'Bars: the number of views young people gave on each theme, most first. A view may be on more than one theme.',
      {
        data: { values: byTheme },
        // No axes: the names and counts are written on the chart. Sized as drawn ('none'): Vega, without a
        // browser to measure text, guesses names far wider than they are and would widen the chart for them.
        autosize: { type: 'none' },
        width: WIDTH - 10,
        height: { step: 52 },
        encoding: { y: row },
        layer: [
          nameLine('nearest', 5),
          nameLine('above', 5 - 14),
          {
            mark: { type: 'bar', height: 12, yOffset: 14, color: PALETTE[0] },
            encoding: { x: { field: 'views', type: 'quantitative', axis: null, scale: room } },
          },
          {
            mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, yOffset: 14 },
            encoding: {
              x: { field: 'views', type: 'quantitative', axis: null, scale: room },
              text: { field: 'views' },
            },
          },
        ],
      },
      { head: ['Theme', 'Views'], rows: byTheme.map((t) => [t.theme, t.views]) },
    ),
    draw(
      'Decisions with and without children’s views',
      'Stacked bars: decisions recorded each month that cited children’s views, and those that did not.',
      {
        data: { values: decisions },
        height: 200,
        mark: 'bar',
        encoding: {
          x: { field: 'month', type: 'ordinal', sort: months, title: 'Month', axis: { labelAngle: -90 } },
          y: { field: 'decisions', type: 'quantitative', aggregate: 'sum', axis: countAxis('Decisions') },
          color: {
            field: 'evidence',
            type: 'nominal',
            sort: ['With children’s views', 'Without'],
            legend: { title: null, orient: 'top', direction: 'vertical', labelLimit: WIDTH },
          },
        },
      },
      {
        head: ['Month', 'With children’s views', 'Without'],
        rows: series.decisionsByMonth.map((d) => [monthName(d.month), d.withVoice, d.without]),
      },
    ),
    draw(
      'Time to feedback',
      'Bars: how many young people waited each number of days from giving a view to hearing back.',
      {
        data: { values: bins },
        height: 200,
        mark: { type: 'bar', color: PALETTE[0] },
        encoding: {
          x: {
            field: 'bin',
            type: 'ordinal',
            sort: bins.map((b) => b.bin),
            title: 'Days to feedback',
            // "7–13" under a bar; the table says "7 to 13".
            axis: { labelAngle: 0, labelExpr: "replace(datum.value, ' to ', '–')" },
          },
          y: { field: 'views', type: 'quantitative', axis: countAxis('Views') },
        },
      },
      { head: ['Days to feedback', 'Views'], rows: bins.map((b) => [b.bin, b.views]) },
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
  const key = JSON.stringify(full);
  const svg = drawn.get(key) ?? (await render(full));
  // The most recently used last; the oldest goes when there are too many.
  drawn.delete(key);
  drawn.set(key, svg);
  if (drawn.size > DRAWN) drawn.delete(drawn.keys().next().value!);
  return { title, description, svg, table };
}

// A chart is a pure function of its spec (data included: theme names and counts, never a child's words),
// and drawing one takes tens of milliseconds: the last ones drawn are kept, so a dashboard read again, or
// the evidence pack after it, does not draw the same charts again.
const DRAWN = 64;
const drawn = new Map<string, string>();

async function render(full: TopLevelSpec): Promise<string> {
  const { vega, compile } = await (renderers ??= loadRenderers());
  const view = new vega.View(vega.parse(compile(full).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
