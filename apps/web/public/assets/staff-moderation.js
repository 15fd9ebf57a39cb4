/* global document */
// The moderator's queue: each waiting view with its words (the API records the read), and one form per
// view to accept it, accept it with redactions, ask its author a question, or escalate it for safeguarding.
import { apiGet, clearErrors, showErrors, submission } from './api.js';
import { element, formatDate } from './page.js';
import { requireSession } from './session.js';
import { themeWords } from './themes.js';

const ACTIONS = [
  { value: 'accept', label: 'Accept as written', path: 'accept', done: 'View accepted. It can now go to the board.' },
  {
    value: 'accept-with-redactions',
    label: 'Accept with redactions (change the words the board will see)',
    path: 'accept-with-redactions',
    field: 'redactedText',
    fieldLabel: 'The words the board will see',
    done: 'View accepted with redactions. The board will see only your edited words.',
  },
  {
    value: 'ask',
    label: 'Ask the author a question first',
    path: 'ask',
    field: 'question',
    fieldLabel: 'Your question, in plain words for a young reader',
    done: 'Question sent. The author will see it when they check their view.',
  },
  {
    value: 'escalate',
    label: 'Escalate for safeguarding',
    path: 'escalate',
    field: 'reason',
    fieldLabel: 'Why you are worried',
    done: 'Escalated for safeguarding. The view is withheld from the board and the safeguarding lead is told.',
  },
];

// What the anonymiser takes out, in the moderator's words.
const REMOVED_KINDS = {
  name: 'Name',
  place: 'Place',
  address: 'Street or postcode',
  school: 'School or college',
  date: 'Date',
  handle: 'Social media name',
  contact: 'Phone, email or web address',
};

// For a view shared "anonymised": what everyone else will see, and what was taken out, before accepting.
function anonymisedPreview(preview, id) {
  const section = element('div', 'inset');
  const heading = element('h3', null, 'What the board and the public will see');
  heading.id = `${id}-anonymised`;
  section.setAttribute('aria-labelledby', heading.id);
  section.append(heading);
  section.append(
    element(
      'p',
      'hint',
      'The young person asked for details about them to be taken out. This was taken out automatically; check it, and accept with redactions to take out anything it missed (your words are checked the same way).',
    ),
  );
  const quote = element('blockquote');
  quote.append(element('p', null, preview.text));
  section.append(quote);
  if (preview.removed.length === 0) {
    section.append(element('p', null, 'Nothing was found to take out.'));
  } else {
    section.append(element('p', null, 'Taken out:'));
    const list = element('ul');
    for (const part of preview.removed)
      list.append(element('li', null, `${REMOVED_KINDS[part.kind] ?? part.kind}: ${part.text}`));
    section.append(list);
  }
  return section;
}

const SHARING = {
  'summary-only': 'Board only; others see a summary',
  anonymised: 'Anyone, with details taken out',
  verbatim: 'Anyone, in their own words',
};

function viewCard(view, index, onDone) {
  const id = `v${index}`;
  const card = element('section', 'entry');
  card.setAttribute('aria-labelledby', `${id}-title`);
  const title = element('h2', null, `View ${index + 1}, sent ${formatDate(view.submittedAt)}`);
  title.id = `${id}-title`;
  card.append(title);

  const words = element('blockquote');
  words.append(element('p', null, view.text ?? 'The words are not available.'));
  card.append(words);
  if (view.answer) {
    card.append(element('p', null, 'The author answered your question:'));
    const answer = element('blockquote');
    answer.append(element('p', null, view.answer));
    card.append(answer);
  }
  if (view.anonymisedPreview) card.append(anonymisedPreview(view.anonymisedPreview, id));
  const facts = element('ul');
  const themes =
    Array.isArray(view.themes) && view.themes.length ? view.themes.map(themeWords).join(', ') : 'none given';
  facts.append(element('li', null, `Themes: ${themes}`));
  facts.append(element('li', null, `Sharing: ${SHARING[view.sharing] ?? view.sharing}`));
  if (view.late) facts.append(element('li', null, 'Sent after the call for views closed'));
  facts.append(element('li', null, `Reference: ${view.contributionId}`));
  card.append(facts);

  const form = element('form');
  form.noValidate = true;
  const summary = element('div', 'error-summary');
  summary.id = `${id}-errors`;
  summary.tabIndex = -1;
  summary.setAttribute('role', 'alert');
  summary.hidden = true;
  form.append(summary);

  const group = element('div', 'form-group');
  const fieldset = element('fieldset');
  fieldset.append(element('legend', null, 'What do you want to do?'));
  const choices = element('div', 'choices');
  const extras = [];
  for (const action of ACTIONS) {
    const choice = element('div', 'choice');
    const radio = element('input');
    radio.type = 'radio';
    radio.name = 'outcome';
    radio.value = action.value;
    radio.id = `${id}-${action.value}`;
    const label = element('label', null, action.label);
    label.htmlFor = radio.id;
    choice.append(radio, label);
    choices.append(choice);
    if (action.field) {
      const extra = element('div', 'form-group');
      extra.hidden = true;
      extra.dataset.for = action.value;
      const input = element('textarea');
      input.id = `${id}-${action.field}`;
      input.name = action.field;
      input.rows = action.field === 'redactedText' ? 6 : 3;
      if (action.field === 'redactedText') input.value = view.text ?? '';
      const fieldLabel = element('label', null, action.fieldLabel);
      fieldLabel.htmlFor = input.id;
      extra.append(fieldLabel, input);
      extras.push(extra);
    }
  }
  fieldset.append(choices);
  group.append(fieldset);
  form.append(group, ...extras);
  form.addEventListener('change', () => {
    const chosen = form.elements.outcome.value;
    for (const extra of extras) extra.hidden = extra.dataset.for !== chosen;
  });

  const button = element('button', 'button', 'Confirm');
  button.type = 'submit';
  form.append(button);
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const action = ACTIONS.find((a) => a.value === form.elements.outcome.value);
    if (!action) {
      showErrors(form, summary, null, { fallback: 'Choose what to do with this view.' });
      return;
    }
    const body = action.field ? { [action.field]: form.elements[action.field].value } : {};
    button.disabled = true;
    try {
      await send.post(`/api/moderation/views/${encodeURIComponent(view.contributionId)}/${action.path}`, body);
      await onDone(action.done);
    } catch (error) {
      showErrors(form, summary, error, {
        messages: {
          redactedText: 'Write the words the board will see',
          question: 'Write your question',
          reason: 'Say why you are worried',
        },
      });
    } finally {
      button.disabled = false;
    }
  });
  card.append(form);
  return card;
}

async function load(done) {
  const queue = document.getElementById('queue');
  const pageSummary = document.getElementById('error-summary');
  let views;
  try {
    views = await apiGet('/api/moderation/queue', { auth: true });
  } catch (error) {
    showErrors(queue, pageSummary, error, { fallback: 'We could not load the queue. Try again.' });
    return;
  }
  const count = document.getElementById('count');
  count.textContent = views.length === 1 ? '1 view is waiting.' : `${views.length} views are waiting.`;
  queue.replaceChildren(...views.map((view, i) => viewCard(view, i, done)));
}

document.addEventListener('DOMContentLoaded', () => {
  requireSession();
  const message = document.getElementById('done');
  const done = async (words) => {
    await load(done);
    message.textContent = words;
    message.hidden = false;
    message.setAttribute('tabindex', '-1');
    message.focus();
  };
  load(done);
});
