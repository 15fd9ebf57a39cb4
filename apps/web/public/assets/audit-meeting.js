/* global document */
// A meeting's history for an auditor: the timeline, and the meeting as it stood at a moment with the
// views tabled at each item by then (short references and themes only; withheld views only counted).
import { startHistoryPage } from './audit-history.js';
import { element, formatDate, formatDateTime } from './page.js';
import { themeWords } from './themes.js';

function linked(c) {
  if (!c.meeting) return;
  document.getElementById('page-title').textContent = `${c.meeting.title}, ${formatDate(c.meeting.startsAt)}: history`;
  const list = document.getElementById('decisions');
  for (const d of c.meeting.decisions) {
    const link = element('a', null, `Decision ${d.reference}: ${d.resolution}`);
    link.href = `/audit/decisions/${encodeURIComponent(d.decisionId)}`;
    list.append(element('li'));
    list.lastChild.append(link);
  }
  if (!c.meeting.decisions.length) list.append(element('li', null, 'No decisions were recorded at it.'));
}

startHistoryPage('meeting', { meetingOf: (_history, id) => id, linked, showThen });

function showThen(answer, fact) {
  const m = answer.meeting;
  if (m.title) fact('Title', m.title);
  fact('Status', m.status);
  if (m.startsAt) fact('Starts', formatDateTime(m.startsAt));
  fact('Agenda items', String((m.agenda ?? []).length));
  if (typeof m.presentCount === 'number') {
    fact('Attendance', `${m.presentCount} present; quorum ${m.quorum}; ${m.quorate ? 'quorate' : 'not quorate'}`);
  }
  fact('Items with minutes', String(Object.keys(m.minutes ?? {}).length));
  fact('Views withheld for safeguarding (a count only)', String(answer.withheldViews));

  const box = document.getElementById('knew-views');
  box.replaceChildren();
  const titles = new Map((m.agenda ?? []).map((item) => [item.itemId, item.title]));
  for (const { itemId, views } of answer.views) {
    if (!views.length) continue;
    box.append(element('h4', null, titles.get(itemId) ?? `Item ${itemId}`));
    const list = element('ul');
    for (const view of views) {
      list.append(
        element(
          'li',
          null,
          `${view.reference ?? 'A view'}: ${view.themes.map(themeWords).join(', ') || 'no theme'}, ${view.statusThen}`,
        ),
      );
    }
    box.append(list);
  }
  if (!box.childElementCount) box.append(element('p', null, 'No views had been tabled by then.'));
  document.getElementById('knew').hidden = false;
}
