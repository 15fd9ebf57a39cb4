/* global document */
// The safeguarding lead's queue: each withheld view with its words (the API gives them to this role
// only and records the read) and its case: acknowledge it, then record the outcome and why. An overdue
// case says so in words, not only in colour. Other roles are told plainly that the page is not for them.
import { ApiError, apiGet, clearErrors, showErrors, submission } from './api.js';
import { element, formatDateTime, showNotForRole } from './page.js';
import { requireSession } from './session.js';

const OUTCOMES = [
  ['referred-to-front-door', 'Referred to the children’s services front door'],
  ['advice-given', 'Advice given'],
  ['no-further-action', 'No further action'],
];
const OUTCOME_WORDS = Object.fromEntries(OUTCOMES);

const when = (iso) => (iso ? formatDateTime(iso) : 'not yet');

function fact(list, term, value) {
  const group = element('div');
  group.append(element('dt', null, term), element('dd', null, value));
  list.append(group);
}

function acknowledgeForm(view, session, refresh) {
  const form = element('form');
  form.noValidate = true;
  const summary = element('div', 'error-summary');
  summary.id = `ack-errors-${view.case.caseId}`;
  summary.tabIndex = -1;
  summary.setAttribute('role', 'alert');
  summary.hidden = true;
  const button = element('button', 'button', 'Acknowledge this case');
  button.type = 'submit';
  button.id = `ack-${view.case.caseId}`;
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    try {
      await send.post(`/api/safeguarding/cases/${encodeURIComponent(view.case.caseId)}/acknowledge`, {});
      await refresh(`Case acknowledged.`);
    } catch (error) {
      showErrors(form, summary, error, {
        fallback:
          error instanceof ApiError && error.status === 403
            ? 'Only the case’s named lead or deputy can acknowledge it.'
            : 'We could not acknowledge the case. Try again.',
      });
    }
  });
  form.append(summary, button);
  return form;
}

function outcomeForm(view, refresh) {
  const id = view.case.caseId;
  const form = element('form');
  form.noValidate = true;
  const summary = element('div', 'error-summary');
  summary.id = `outcome-errors-${id}`;
  summary.tabIndex = -1;
  summary.setAttribute('role', 'alert');
  summary.hidden = true;

  const choicesGroup = element('div', 'form-group');
  const fieldset = element('fieldset', 'choices');
  fieldset.append(element('legend', null, 'Outcome'));
  OUTCOMES.forEach(([value, words], i) => {
    const choice = element('div', 'choice');
    const input = element('input');
    input.type = 'radio';
    input.name = 'outcome';
    input.value = value;
    input.id = `outcome-${id}-${i}`;
    const label = element('label', null, words);
    label.htmlFor = input.id;
    choice.append(input, label);
    fieldset.append(choice);
  });
  choicesGroup.append(fieldset);

  const reasonGroup = element('div', 'form-group');
  const label = element('label', null, 'Why this outcome');
  label.htmlFor = `reason-${id}`;
  const reason = element('textarea');
  reason.id = `reason-${id}`;
  reason.name = 'reason';
  // A safeguarding reason is never kept in the tab when a session ends (kept-work.js).
  reason.dataset.keep = 'no';
  reason.rows = 4;
  reasonGroup.append(label, reason);

  const button = element('button', 'button', 'Record the outcome');
  button.type = 'submit';
  button.id = `record-${id}`;
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const outcome = form.querySelector('input[name="outcome"]:checked')?.value;
    try {
      await send.post(`/api/safeguarding/cases/${encodeURIComponent(id)}/outcome`, {
        outcome,
        reason: reason.value,
      });
      await refresh('Outcome recorded. The case is closed.');
    } catch (error) {
      showErrors(form, summary, error, {
        messages: { outcome: 'Choose the outcome', reason: 'Say why, in a few words' },
        fallback: 'We could not record the outcome. Try again.',
      });
    }
  });
  form.append(summary, choicesGroup, reasonGroup, button);
  return form;
}

function caseItem(view, session, refresh, index) {
  const item = element('li', 'entry case');
  const heading = element('h2', null, `Withheld view ${index + 1}`);
  item.append(heading);
  const c = view.case;
  if (c?.overdue) {
    item.classList.add('case-overdue');
    const tag = element('p', 'overdue-warning');
    tag.append(
      element('span', 'tag tag-overdue', 'Overdue'),
      c.deputy === null
        ? ' Not acknowledged in time. This board has a single safeguarding lead, so there is no deputy to pass it to: it stays with you.'
        : ' Not acknowledged in time. It has gone to the deputy too.',
    );
    item.append(tag);
  }
  if (view.text !== null) {
    item.append(element('p', null, 'What the young person wrote:'), element('blockquote', null, view.text));
  } else item.append(element('p', null, 'The young person’s words have been erased.'));
  const facts = element('dl', 'facts');
  fact(facts, 'Withheld', when(view.escalatedAt));
  fact(facts, 'Raised by', view.raisedBy === 'screen' ? 'the automatic check' : (view.raisedBy ?? 'unknown'));
  if (c) {
    fact(
      facts,
      'Case',
      c.status === 'closed' ? 'closed' : c.acknowledgedAt ? 'acknowledged' : 'waiting to be acknowledged',
    );
    fact(
      facts,
      'Your part',
      c.namedLead === session.userId ? 'named lead' : c.deputy === session.userId ? 'deputy' : 'another lead’s case',
    );
    fact(facts, 'Acknowledge by', when(c.dueBy));
    fact(facts, 'Acknowledged', when(c.acknowledgedAt));
    if (c.outcome) fact(facts, 'Outcome', OUTCOME_WORDS[c.outcome] ?? c.outcome);
  } else fact(facts, 'Case', 'being opened');
  item.append(facts);
  if (c && c.status === 'open' && !c.acknowledgedAt) item.append(acknowledgeForm(view, session, refresh));
  else if (c && c.status === 'open') item.append(outcomeForm(view, refresh));
  return item;
}

document.addEventListener('DOMContentLoaded', () => {
  const session = requireSession();
  const status = document.getElementById('status');
  const list = document.getElementById('cases');

  async function refresh(message) {
    try {
      const queue = await apiGet('/api/safeguarding/queue', { auth: true });
      // Open cases first, overdue ones at the very top.
      const rank = (v) => (v.case?.overdue ? 0 : v.case?.status === 'closed' ? 2 : 1);
      const sorted = [...queue].sort((a, b) => rank(a) - rank(b));
      list.replaceChildren(...sorted.map((view, i) => caseItem(view, session, refresh, i)));
      const open = queue.filter((v) => v.case?.status !== 'closed').length;
      const overdue = queue.filter((v) => v.case?.overdue).length;
      status.textContent = `${message ? `${message} ` : ''}${open} open, ${overdue} overdue.`;
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) showNotForRole();
      else status.textContent = 'We could not load the queue. Try again.';
    }
  }
  refresh();
});
