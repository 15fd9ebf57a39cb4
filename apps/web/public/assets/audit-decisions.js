/* global document */
// The decisions register for an auditor: each decision, by its short reference, links to its history,
// and its meeting to the meeting's history.
import { apiGet, showLoadFailure } from './api.js';
import { element, formatDate } from './page.js';
import { requireSession } from './session.js';

function linkCell(text, href) {
  const cell = element('td');
  const link = element('a', null, text);
  link.href = href;
  cell.append(link);
  return cell;
}

function row(d) {
  const tr = element('tr');
  const replaced = d.superseded && `replaced by ${d.supersededByReference ?? 'a later decision'}`;
  tr.append(
    element('td', null, formatDate(d.decidedOn)),
    linkCell(`${d.reference}: ${d.resolution}`, `/audit/decisions/${encodeURIComponent(d.decisionId)}`),
    linkCell(
      [d.meeting.title ?? 'Its meeting', d.meeting.startsAt && formatDate(d.meeting.startsAt)]
        .filter(Boolean)
        .join(', '),
      `/audit/meetings/${encodeURIComponent(d.meeting.meetingId)}`,
    ),
    element('td', null, String(d.voiceEvidence.contributions)),
    element('td', null, [d.amended && 'amended', replaced].filter(Boolean).join(', ') || 'in force'),
  );
  return tr;
}

document.addEventListener('DOMContentLoaded', async () => {
  requireSession();
  const count = document.getElementById('count');
  try {
    const decisions = await apiGet('/api/decisions', { auth: true });
    document.querySelector('#register tbody').replaceChildren(...decisions.map(row));
    count.textContent = `${decisions.length} ${decisions.length === 1 ? 'decision' : 'decisions'}.`;
  } catch (error) {
    count.textContent = '';
    showLoadFailure(error, { failed: 'We could not load the decisions register. Try again later.' });
  }
});
