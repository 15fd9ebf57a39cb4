/* global document, DOMParser */
import { apiGet, clearErrors, downloadWithToken, showErrors } from './api.js';
import { element, formatDate, showNotForRole } from './page.js';
import { requireSession } from './session.js';
import { themeWords } from './themes.js';

// Themes by the names the board gives them (as the charts, drawn by the API, name them).
let themeName = themeWords;

// The board's dashboard: voice-impact figures, the three charts (SVG from our own API, each with the
// table of its figures), open and overdue actions, "You said, we did" by theme, and the evidence pack.
// The period goes to the API only (a date is not personal; the page's own URL never changes).

const percent = (share) => (share === null ? 'none yet' : `${Math.round(share * 100)}%`);
const days = (n) => (n === null ? 'none yet' : `${n} ${n === 1 ? 'day' : 'days'}`);

function periodQuery(form) {
  const params = new URLSearchParams();
  for (const name of ['from', 'to']) {
    const value = form.elements[name].value;
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

function showFigures(impact) {
  const list = document.getElementById('figures');
  const rows = [
    ['Decisions recorded', String(impact.decisions.total)],
    [
      'Decisions with children’s views as evidence',
      `${impact.decisions.withVoiceEvidence} (${percent(impact.decisions.share)})`,
    ],
    ['Typical time from a view to feedback', days(impact.medianDaysToFeedback)],
    ['Views waiting for an answer', String(impact.waiting.count)],
    ['Longest wait so far', days(impact.waiting.longestDays)],
    ['Overdue actions', String(impact.overdueActions)],
    ['Views withheld for safeguarding', String(impact.withheld)],
    [
      'Themes raised but not yet acted on',
      impact.themesNeverActedOn.length ? impact.themesNeverActedOn.map(themeName).join(', ') : 'none',
    ],
  ];
  list.replaceChildren();
  for (const [term, value] of rows) {
    const group = element('div');
    group.append(element('dt', null, term), element('dd', null, value));
    list.append(group);
  }
}

/** Our API's SVG, parsed as SVG (never as HTML) and imported: no script or markup from text gets in. */
function svgNode(svgText, title, description) {
  const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length) return null;
  for (const script of root.querySelectorAll('script, foreignObject')) script.remove();
  const svg = document.importNode(root, true);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${title}. ${description}`);
  svg.setAttribute('focusable', 'false');
  svg.classList.add('chart-svg');
  return svg;
}

function chartFigure(chart, index) {
  const figure = element('figure', 'chart');
  const heading = element('h3', null, chart.title);
  heading.id = `chart-${index}-title`;
  figure.setAttribute('aria-labelledby', heading.id);
  const description = element('p', 'hint', chart.description);
  const frame = element('div', 'chart-frame');
  const svg = svgNode(chart.svg, chart.title, chart.description);
  if (svg) frame.append(svg);
  else frame.append(element('p', null, 'This chart could not be drawn; its figures are in the table below.'));

  const details = element('details', 'chart-figures');
  details.append(element('summary', null, `The figures in this chart: ${chart.title}`));
  const table = element('table');
  table.append(element('caption', null, chart.title));
  const head = element('thead');
  const headRow = element('tr');
  for (const name of chart.table.head) {
    const th = element('th', null, name);
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = element('tbody');
  for (const row of chart.table.rows) {
    const tr = element('tr');
    row.forEach((cell, i) => {
      const text = String(cell);
      if (i === 0) {
        const th = element('th', null, text);
        th.scope = 'row';
        tr.append(th);
      } else tr.append(element('td', null, text));
    });
    body.append(tr);
  }
  if (!chart.table.rows.length) {
    const tr = element('tr');
    const td = element('td', null, 'No figures in this period.');
    td.colSpan = chart.table.head.length;
    tr.append(td);
    body.append(tr);
  }
  table.append(head, body);
  // Focusable so a keyboard user can scroll a wide table at 360 px.
  const wrap = element('div', 'table-wrap');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', `The figures in this chart: ${chart.title}`);
  wrap.append(table);
  details.append(wrap);
  figure.append(heading, description, frame, details);
  return figure;
}

function showActions(listId, actions, none) {
  const list = document.getElementById(listId);
  list.replaceChildren();
  if (!actions.length) {
    list.append(element('li', null, none));
    return;
  }
  for (const action of actions) {
    const item = element('li', 'action');
    item.append(element('strong', null, action.description));
    const owner = action.owner?.name ? `, ${action.owner.name}` : '';
    const due = element('span', 'hint', ` Due ${formatDate(action.dueOn)}${owner}.`);
    if (action.overdue) item.append(' ', element('span', 'tag tag-overdue', 'Overdue'));
    item.append(due);
    list.append(item);
  }
}

function showStories(story) {
  const box = document.getElementById('themes');
  box.replaceChildren();
  if (!story.themes.length) {
    box.append(element('p', null, 'No views in this period.'));
    return;
  }
  for (const theme of story.themes) {
    const section = element('div', 'entry');
    section.append(element('h3', null, themeName(theme.theme)));
    section.append(
      element(
        'p',
        null,
        `You said: ${theme.views} ${theme.views === 1 ? 'view' : 'views'}, ${theme.answered} answered, ${theme.open} waiting.`,
      ),
    );
    for (const quote of theme.quotes) section.append(element('blockquote', null, quote.words));
    // Views shared "summary only": the moderator's summary, never the words.
    for (const summary of theme.summaries ?? []) {
      section.append(element('p', 'hint', 'A summary written by the moderator:'));
      section.append(element('blockquote', null, summary.summary));
    }
    if (theme.decisions.length) {
      section.append(element('p', null, 'We did:'));
      const list = element('ul');
      for (const d of theme.decisions)
        list.append(element('li', null, `${d.resolution} (${formatDate(d.recordedAt)})`));
      section.append(list);
    } else section.append(element('p', null, 'We did: no decision cites these views yet.'));
    const a = theme.actions;
    section.append(element('p', 'hint', `Actions: ${a.open} open, ${a.overdue} overdue, ${a.completed} completed.`));
    box.append(section);
  }
}

async function load(form, summary) {
  const status = document.getElementById('status');
  status.textContent = 'Loading…';
  const query = periodQuery(form);
  try {
    const [board, impact, charts, overdue, open, story] = await Promise.all([
      apiGet('/api/board', { auth: true }),
      apiGet(`/api/insight/impact${query}`, { auth: true }),
      apiGet(`/api/insight/charts${query}`, { auth: true }),
      apiGet('/api/actions?status=overdue', { auth: true }),
      apiGet('/api/actions?status=open', { auth: true }),
      apiGet(`/api/insight/you-said-we-did${query}`, { auth: true }),
    ]);
    const names = new Map(board.themes.map((t) => [t.code, t.label]));
    themeName = (code) => names.get(code) ?? themeWords(code);
    showFigures(impact);
    document.getElementById('chart-list').replaceChildren(...charts.charts.map(chartFigure));
    showActions('overdue-actions', overdue, 'No overdue actions.');
    showActions(
      'open-actions',
      open.filter((a) => !a.overdue),
      'No other open actions.',
    );
    showStories(story);
    const { from, to } = form.elements;
    status.textContent =
      from.value || to.value
        ? `Showing ${from.value ? formatDate(from.value) : 'the start'} to ${to.value ? formatDate(to.value) : 'today'}.`
        : 'Showing all time.';
  } catch (error) {
    status.textContent = '';
    if (error.status === 403) return showNotForRole();
    showErrors(form, summary, error, {
      messages: { from: 'Enter a real start date', to: 'Enter an end date on or after the start date' },
      fallback: 'We could not load the dashboard. Try again.',
    });
  }
}

/** The evidence pack needs the bearer token, which a plain link cannot carry (downloadWithToken). */
async function save(path, filename, button) {
  const status = document.getElementById('status');
  button.disabled = true;
  status.textContent = 'Preparing the evidence pack…';
  try {
    status.textContent = `Saved ${await downloadWithToken(path, filename)}.`;
  } catch {
    status.textContent = 'We could not prepare the evidence pack. Try again.';
  } finally {
    button.disabled = false;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  requireSession();
  const form = document.getElementById('period-form');
  const summary = document.getElementById('error-summary');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    load(form, summary);
  });
  const pack = (ext, file, button) => () => save(`/api/insight/evidence-pack${ext}${periodQuery(form)}`, file, button);
  const html = document.getElementById('pack-html');
  const pdf = document.getElementById('pack-pdf');
  html.addEventListener('click', pack('', 'evidence-pack.html', html));
  pdf.addEventListener('click', pack('.pdf', 'evidence-pack.pdf', pdf));
  load(form, summary);
});
