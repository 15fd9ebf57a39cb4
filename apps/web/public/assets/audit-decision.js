/* global document */
// A decision's history for an auditor: the timeline, and the decision as it stood at a moment with
// what the board knew when it decided (views by short reference, themes and influence; never their words).
import { startHistoryPage } from './audit-history.js';
import { element, formatDate, formatDateTime } from './page.js';
import { themeWords } from './themes.js';

const STATUS = { none: 'not recorded yet', recorded: 'recorded', superseded: 'replaced by a later decision' };
const INFLUENCE = { shaped: 'shaped it', informed: 'informed it', 'considered-not-adopted': 'considered, not adopted' };
// Statuses then that read as words already (available, withdrawn, erased) show as they are.
const THEN = { 'not-yet-accepted': 'not yet accepted' };

function showKnew(knew) {
  const counts = document.getElementById('knew-counts');
  counts.replaceChildren();
  for (const [term, value] of [
    ['Views tabled', knew.counts.tabled],
    ['Available to the board', knew.counts.available],
    ['Cited with influence', knew.counts.cited],
    ['Withheld for safeguarding (a count only)', knew.counts.withheld],
  ]) {
    const group = element('div');
    group.append(element('dt', null, term), element('dd', null, String(value)));
    counts.append(group);
  }
  const body = document.getElementById('knew-views');
  body.replaceChildren();
  for (const view of knew.views) {
    const row = element('tr');
    const th = element('th', null, view.reference ?? 'A view');
    th.scope = 'row';
    row.append(
      th,
      element('td', null, view.themes.map(themeWords).join(', ') || 'none'),
      element(
        'td',
        null,
        `${THEN[view.statusThen] ?? view.statusThen}${view.laterWithdrawn ? ' (withdrawn since)' : ''}`,
      ),
      element('td', null, view.tabledHere ? 'yes' : 'no'),
      element('td', null, view.cited ? (INFLUENCE[view.cited.influence] ?? view.cited.influence) : 'not cited'),
    );
    body.append(row);
  }
  if (!knew.views.length) {
    const row = element('tr');
    const td = element('td', null, 'No views were tabled.');
    td.colSpan = 5;
    row.append(td);
    body.append(row);
  }
  document.getElementById('knew').hidden = false;
}

const recorded = (events) => events.find((e) => e.type === 'DecisionRecorded')?.data ?? {};
let named; // namesFor's answer: the history loads before the record as it stood

startHistoryPage('decision', {
  meetingOf: (history) => recorded(history.events).meetingId,
  linked: (c, events, id) => {
    named = c;
    const ref = c.refs.get(id);
    if (ref) document.getElementById('page-title').textContent = `Decision ${ref}: history`;
    const meeting = document.getElementById('to-meeting');
    meeting.href = `/audit/meetings/${encodeURIComponent(recorded(events).meetingId)}`;
    if (c.meeting)
      meeting.textContent = `The history of its meeting, ${c.meeting.title} on ${formatDate(c.meeting.startsAt)}`;
    document.getElementById('to-influence').href = `/audit/decisions/${encodeURIComponent(id)}/influence`;
    document.getElementById('evidence').hidden = false;
  },
  showThen: (answer, fact) => {
    const d = answer.decision;
    const content = d.content ?? {};
    fact('Status', STATUS[d.status] ?? d.status);
    if (content.resolution) fact('Resolution', String(content.resolution));
    if (d.kind) fact('Kind', d.kind);
    if (d.recordedAt) fact('Recorded', formatDateTime(d.recordedAt));
    fact('Views cited', String(d.citedContributionIds.length));
    fact('Amendments', d.amendments.length ? String(d.amendments.length) : 'none');
    for (const [i, amendment] of d.amendments.entries()) {
      fact(`Amendment ${i + 1}`, `${amendment.changes} (why: ${amendment.reason})`);
    }
    if (d.supersededBy) fact('Replaced by', named?.decision(d.supersededBy, 'a later decision') ?? 'a later decision');
    if (answer.boardKnew) showKnew(answer.boardKnew);
  },
});
