/* global document, location */
// A view's journey for an auditor, from the insight API: its steps (never its words) in the one date
// style, and the decisions that cited it, each linked to its history and how views shaped it.
import { apiGet, showLoadFailure } from './api.js';
import { element, formatDateTime } from './page.js';
import { requireSession } from './session.js';

const STEP = {
  submitted: 'Sent in by a young person',
  accepted: 'Accepted by a moderator',
  'accepted-with-redactions': 'Accepted by a moderator, with parts taken out',
  summarised: 'Summarised by a moderator',
  'summary-agreed': 'The young person agreed the summary',
  'summary-change-requested': 'The young person asked for the summary to change',
  declined: 'Declined by a moderator',
  'question-asked': 'A moderator asked the young person a question',
  'question-answered': 'The young person answered',
  'sharing-changed': 'The young person changed how it is shared',
  tabled: 'Tabled at a meeting',
  considered: 'Considered by the board',
  cited: 'Cited in a decision',
  feedback: 'The board told the young person what happened',
  closed: 'Closed',
  withdrawn: 'Withdrawn by the young person',
  erased: 'Erased',
};
const INFLUENCE = { shaped: 'shaped it', informed: 'informed it', 'considered-not-adopted': 'considered, not adopted' };

function link(text, href) {
  const a = element('a', null, text);
  a.href = href;
  return a;
}

function row(step) {
  const what = element('td', null, STEP[step.step] ?? step.step.replaceAll('-', ' '));
  const [kind, id] = step.decisionId ? ['decision', step.decisionId] : ['meeting', step.meetingId];
  if (id) what.append(' (', link(`the ${kind}’s history`, `/audit/${kind}s/${encodeURIComponent(id)}`), ')');
  const tr = element('tr');
  tr.append(element('td', null, formatDateTime(step.at)), what);
  return tr;
}

document.addEventListener('DOMContentLoaded', async () => {
  requireSession();
  const id = decodeURIComponent(/^\/audit\/views\/([^/]+)$/.exec(location.pathname)?.[1] ?? '');
  try {
    const journey = await apiGet(`/api/insight/views/${encodeURIComponent(id)}/journey`, { auth: true });
    const name = journey.reference ? `View ${journey.reference}` : 'A view';
    document.getElementById('page-title').textContent = `${name}: its journey`;
    document.getElementById('withheld').hidden = journey.availability !== 'withheld';
    document.querySelector('#steps tbody').replaceChildren(...journey.steps.map(row));
    const list = document.getElementById('cited-by');
    for (const d of journey.citedBy) {
      const path = `/audit/decisions/${encodeURIComponent(d.decisionId)}`;
      list.append(element('li'));
      list.lastChild.append(
        link(d.resolution || 'A decision', path),
        ` (${INFLUENCE[d.influence] ?? d.influence}, ${formatDateTime(d.recordedAt)}): `,
        link('how views shaped it', `${path}/influence`),
      );
    }
    if (!journey.citedBy.length) list.append(element('li', null, 'No decision has cited it.'));
  } catch (error) {
    showLoadFailure(error, { failed: 'We could not load this view’s journey. Try again later.' });
  }
});
