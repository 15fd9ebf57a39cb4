/* global document */
// The action log with a status filter. The owning officer, the chair or the clerk records progress
// or completion (the API decides who may: an officer only on their own actions).
import { apiGet, clearErrors, showErrors, submission } from './api.js';
import { element, formatDate } from './page.js';
import { hasRole, requireSession } from './session.js';

let session;

function statusWords(action) {
  if (action.status === 'open') return action.overdue ? 'Overdue' : 'Open';
  return action.status === 'completed'
    ? `Completed${action.completedOn ? ` on ${formatDate(action.completedOn)}` : ''}`
    : 'Cancelled';
}

function updateForm(action, index) {
  const form = element('form');
  form.noValidate = true;
  const summary = element('div', 'error-summary');
  summary.id = `a${index}-errors`;
  summary.tabIndex = -1;
  summary.setAttribute('role', 'alert');
  summary.hidden = true;
  form.append(summary);
  const group = element('div', 'form-group');
  const input = element('textarea');
  input.id = `a${index}-text`;
  input.name = 'note';
  input.rows = 3;
  const label = element('label', null, 'Progress, or the evidence that it is done');
  label.htmlFor = input.id;
  group.append(label, input);
  const buttons = element('div', 'button-group');
  const progress = element('button', 'button secondary', 'Record progress');
  progress.type = 'submit';
  progress.value = 'progress';
  const complete = element('button', 'button', 'Mark as done');
  complete.type = 'submit';
  complete.value = 'complete';
  buttons.append(progress, complete);
  form.append(group, buttons);
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const completing = event.submitter?.value === 'complete';
    // The API names the field by what it is: a note for progress, evidence for completion.
    input.name = completing ? 'evidence' : 'note';
    const path = `/api/actions/${encodeURIComponent(action.actionId)}/${completing ? 'complete' : 'progress'}`;
    try {
      await send.post(path, { [input.name]: input.value });
      await load(completing ? 'Action marked as done.' : 'Progress recorded.');
    } catch (error) {
      showErrors(form, summary, error, {
        messages: { note: 'Write what has happened', evidence: 'Say what shows it is done' },
      });
    }
  });
  return form;
}

function actionCard(action, index) {
  const card = element('section', 'entry');
  const title = element('h2', null, action.description);
  title.id = `a${index}-title`;
  card.setAttribute('aria-labelledby', title.id);
  card.append(title);
  const facts = element('ul');
  facts.append(element('li', null, `Status: ${statusWords(action)}`));
  facts.append(element('li', null, `Due: ${formatDate(action.dueOn)}`));
  facts.append(element('li', null, `Owner: ${action.owner?.name ?? 'not named'}`));
  if (action.resolution) facts.append(element('li', null, `From the decision: ${action.resolution}`));
  facts.append(element('li', null, `Progress notes: ${action.progressNotes}`));
  card.append(facts);
  const mine = action.owner?.kind === 'officer' && action.owner.officerId === session.userId;
  if (action.status === 'open' && (hasRole(session, 'chair', 'clerk') || mine)) card.append(updateForm(action, index));
  return card;
}

// After a write, the read answers once the action log shows it (api.js sends the write's position).
async function load(words) {
  const status = document.getElementById('status').value;
  const actions = await apiGet(`/api/actions${status ? `?status=${status}` : ''}`, { auth: true });
  document.getElementById('count').textContent = actions.length === 1 ? '1 action.' : `${actions.length} actions.`;
  document.getElementById('actions').replaceChildren(...actions.map(actionCard));
  if (words) {
    const done = document.getElementById('done');
    done.textContent = words;
    done.hidden = false;
    done.setAttribute('tabindex', '-1');
    done.focus();
  }
}

document.addEventListener('DOMContentLoaded', () => {
  session = requireSession();
  const filter = document.getElementById('filter-form');
  const summary = document.getElementById('error-summary');
  const show = () =>
    load().catch((error) => showErrors(filter, summary, error, { fallback: 'We could not load the actions.' }));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(filter, summary);
    show();
  });
  show();
});
