import { INFLUENCES } from '#board/contracts';
import type { Chart } from './impact-charts.js';
import type { EvidencePack } from './get-evidence-pack.query.js';

const INFLUENCE_LABELS: Record<(typeof INFLUENCES)[number], string> = {
  shaped: 'Shaped the decision',
  informed: 'Informed the decision',
  'considered-not-adopted': 'Considered but not adopted',
};

/** Everything written into the page goes through here: no text from the log is ever markup. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;
const figure = (value: number | null, suffix = ''): string =>
  value === null ? 'not enough data' : `${value}${suffix}`;
const percent = (share: number | null): string => (share === null ? 'no decisions' : `${Math.round(share * 100)}%`);

/** The evidence pack as one self-contained, accessible HTML document (it prints to PDF as it is). */
export function renderEvidencePack(pack: EvidencePack, charts: readonly Chart[], boardName: string): string {
  const { impact, youSaidWeDid, sample, period } = pack;
  const span = `${period.from ?? 'the beginning'} to ${period.to ?? 'today'}`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evidence pack: ${e(boardName)}, ${e(span)}</title>
<style>
  body { font-family: Arial, sans-serif; line-height: 1.5; color: #0b0c0c; max-width: 60rem; margin: 0 auto; padding: 1rem; }
  h1, h2, h3 { line-height: 1.25; }
  table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
  th, td { border: 1px solid #505a5f; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
  figure { margin: 1rem 0; break-inside: avoid; }
  figure svg { max-width: 100%; height: auto; }
  blockquote { border-left: 4px solid #505a5f; margin: 0.5rem 0; padding-left: 0.75rem; }
  .note { color: #505a5f; }
  section { break-inside: avoid-page; }
</style>
</head>
<body>
<main>
<h1>Evidence pack: how children’s views shaped decisions</h1>
<p>${e(boardName)}. Period: ${e(span)}. Figures as of ${e(impact.asOf)}; generated ${e(pack.generatedAt)}.</p>

<section aria-labelledby="figures">
<h2 id="figures">Key figures</h2>
<table>
<caption class="note">Views withheld for safeguarding are counted, never described.</caption>
<tbody>
<tr><th scope="row">Decisions recorded</th><td>${impact.decisions.total}</td></tr>
<tr><th scope="row">Decisions with children’s views as evidence</th><td>${impact.decisions.withVoiceEvidence} (${percent(impact.decisions.share)})</td></tr>
<tr><th scope="row">Views waiting for an answer</th><td>${impact.waiting.count}; median wait ${figure(impact.waiting.medianDays, ' days')}; longest ${figure(impact.waiting.longestDays, ' days')}</td></tr>
<tr><th scope="row">Median days from a view to its feedback</th><td>${figure(impact.medianDaysToFeedback)}</td></tr>
<tr><th scope="row">Themes raised but never acted on</th><td>${impact.themesNeverActedOn.length ? impact.themesNeverActedOn.map(e).join(', ') : 'none'}</td></tr>
<tr><th scope="row">Overdue actions</th><td>${impact.overdueActions}</td></tr>
<tr><th scope="row">Views withheld for safeguarding</th><td>${impact.withheld}</td></tr>
</tbody>
</table>
</section>

<section aria-labelledby="charts">
<h2 id="charts">Charts</h2>
${charts.map(renderChart).join('\n')}
</section>

<section aria-labelledby="ysdw">
<h2 id="ysdw">You said, we did</h2>
${youSaidWeDid.themes.length === 0 ? '<p>No views in this period.</p>' : ''}
${youSaidWeDid.themes
  .map(
    (t) => `<h3>${e(t.theme)}</h3>
<p>${t.views} views; ${t.answered} answered; ${t.open} still open. Decisions: ${t.decisions.length}. Actions: ${t.actions.completed} completed, ${t.actions.open} open (${t.actions.overdue} overdue), ${t.actions.cancelled} cancelled.</p>
${t.quotes.map((q) => `<blockquote>${e(q.words)}</blockquote>`).join('\n')}
${t.summaries.map((q) => `<p><span class="note">Summary by the moderator:</span> ${e(q.summary)}</p>`).join('\n')}
${t.decisions.length ? `<ul>${t.decisions.map((d) => `<li>${e(d.resolution)} <span class="note">(${e(d.recordedAt.slice(0, 10))})</span></li>`).join('')}</ul>` : ''}`,
  )
  .join('\n')}
</section>

<section aria-labelledby="sample">
<h2 id="sample">Decision influence: a sample</h2>
${sample.length === 0 ? '<p>No decision in this period cited children’s views.</p>' : ''}
${sample
  .map(
    (d) => `<h3>${e(d.resolution)}</h3>
<p class="note">Recorded ${e(d.recordedAt)}; status: ${e(d.status)}.</p>
${INFLUENCES.map((influence) => {
  const views = d.influence[influence];
  if (views.length === 0) return '';
  return `<h4>${INFLUENCE_LABELS[influence]} (${views.length})</h4><ul>${views
    .map(
      (v) =>
        `<li>${v.words !== undefined ? `<blockquote>${e(v.words)}</blockquote>` : v.summary !== undefined ? `<p><span class="note">Summary by the moderator:</span> ${e(v.summary)}</p>` : `<span class="note">${e(v.note ?? 'Shared as a summary only.')}</span>`} Why: ${e(v.rationale)}${v.notTabledReason !== undefined ? ` Not tabled at the item: ${e(v.notTabledReason)}` : ''}</li>`,
    )
    .join('')}</ul>`;
}).join('\n')}`,
  )
  .join('\n')}
</section>
</main>
</body>
</html>
`;
}

function renderChart(chart: Chart, index: number): string {
  const id = `chart-${index + 1}`;
  // The SVG is Vega's own output (no text from the log reaches it except the board's theme names and
  // month labels, which Vega escapes); it gets a role and a label, and the same figures follow as a table.
  const svg = chart.svg.replace('<svg ', `<svg role="img" aria-labelledby="${id}-title" `);
  return `<figure aria-labelledby="${id}-title">
<figcaption id="${id}-title"><strong>${e(chart.title)}</strong>. ${e(chart.description)}</figcaption>
${svg}
<details><summary>The figures in this chart</summary>
<table><thead><tr>${chart.table.head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>
<tbody>${chart.table.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>
</details>
</figure>`;
}
