/* global document, location */
// How the views a decision cited shaped it, as the insight API shares them: by influence, each view by
// its short reference, its words (or summary) only as its author allowed, and the chair's reasons.
import { apiGet, showLoadFailure } from './api.js';
import { element, formatDateTime } from './page.js';
import { requireSession } from './session.js';
import { themeWords } from './themes.js';

const INFLUENCE = {
  shaped: 'Views that shaped it',
  informed: 'Views that informed it',
  'considered-not-adopted': 'Views considered but not adopted',
};

function fact(list, term, value) {
  const group = element('div');
  const dd = element('dd');
  dd.append(value);
  group.append(element('dt', null, term), dd);
  list.append(group);
}

function cited(view) {
  const name = view.reference ?? 'A view';
  const box = element('div', 'citation');
  box.append(element('h3', null, name));
  const facts = element('dl', 'facts');
  if (view.themes.length) fact(facts, 'Themes', view.themes.map(themeWords).join(', '));
  if (view.words) fact(facts, 'Its words, as shared', element('blockquote', null, view.words));
  else if (view.summary) fact(facts, 'A summary (shared as a summary only)', view.summary);
  else fact(facts, 'Its words', view.note ?? 'Not shared.');
  fact(facts, 'Why, as the chair recorded', view.rationale);
  if (view.notTabledReason) fact(facts, 'Why it was considered though not tabled here', view.notTabledReason);
  const journey = element('a', null, `${name === 'A view' ? 'This view' : name}: its journey`);
  journey.href = `/audit/views/${encodeURIComponent(view.contributionId)}`;
  box.append(facts, journey);
  return box;
}

document.addEventListener('DOMContentLoaded', async () => {
  requireSession();
  const id = decodeURIComponent(/^\/audit\/decisions\/([^/]+)\/influence$/.exec(location.pathname)?.[1] ?? '');
  const history = `/audit/decisions/${encodeURIComponent(id)}`;
  document.getElementById('back').href = history;
  try {
    const d = await apiGet(`/api/insight/decisions/${encodeURIComponent(id)}/influence`, { auth: true });
    const facts = document.getElementById('decision-facts');
    fact(facts, 'Resolution', d.resolution);
    fact(facts, 'Recorded', formatDateTime(d.recordedAt));
    const meeting = element('a', null, 'Its meeting’s history');
    meeting.href = `/audit/meetings/${encodeURIComponent(d.meetingId)}`;
    fact(facts, 'Meeting', meeting);
    const box = document.getElementById('influence');
    for (const [influence, heading] of Object.entries(INFLUENCE)) {
      const views = d.influence[influence] ?? [];
      if (views.length) box.append(element('h2', null, `${heading} (${views.length})`), ...views.map(cited));
    }
    if (!box.childElementCount) {
      box.append(
        element('h2', null, 'No views cited'),
        element('p', null, d.noViewsReason ?? 'No reason was recorded.'),
      );
    }
  } catch (error) {
    showLoadFailure(error, { failed: 'We could not load how views shaped this decision. Try again later.' });
  }
});
