/* global document */
// The moderator's queue: each waiting view with its words (the API records the read), and one form per
// view to accept it (with the summary the board will read, for a view shared "summary only"), accept it
// with redactions, ask its author a question, decline it, or escalate it for safeguarding. Below, the
// summaries still to write: accepted "summary only" views the board cannot read until a summary is
// written (none yet, or its author asked for a change).
import { apiGet, clearErrors, showErrors, submission } from './api.js';
import { element, formatDate } from './page.js';
import { requireSession } from './session.js';
import { SHARING_EXPLAINED } from './sharing.js';
import { themeWords } from './themes.js';

const SUMMARY_FIELD = {
  name: 'summary',
  label: 'The summary the board will read',
  hint: 'Needed before the view can be tabled or cited: the board never reads the words of a view shared this way. The young person reads your summary too, and can say it is right or ask for a change.',
  rows: 4,
};

const DECLINE_REASONS = [
  ['spam', 'Spam or an advert'],
  ['abuse', 'Abuse of someone'],
  ['off-topic', 'Off topic: nothing the board can help with'],
  ['repeat', 'A repeat of a view we already have'],
];

// Each action; `fields` are shown once the action is chosen ("summary only" views add the summary).
const ACTIONS = [
  {
    value: 'accept',
    label: 'Accept as written',
    path: 'accept',
    fields: [],
    done: 'View accepted. It can now go to the board.',
  },
  {
    value: 'accept-with-redactions',
    label: 'Accept with redactions (change the words the board will see)',
    path: 'accept-with-redactions',
    fields: [{ name: 'redactedText', label: 'The words the board will see', rows: 6, fromView: true }],
    done: 'View accepted with redactions. The board will see only your edited words.',
  },
  {
    value: 'ask',
    label: 'Ask the author a question first',
    path: 'ask',
    fields: [{ name: 'question', label: 'Your question, in plain words for a young reader', rows: 3 }],
    done: 'Question sent. The author will see it when they check their view.',
  },
  {
    value: 'decline',
    label: 'Decline it (spam, abuse, off topic or a repeat)',
    path: 'decline',
    fields: [
      { name: 'reason', label: 'Why', choices: DECLINE_REASONS },
      {
        name: 'note',
        label: 'What the young person will read when they check their view, in plain words',
        rows: 3,
      },
    ],
    done: 'View declined. It will not go to the board; its author can read why with their code.',
    messages: { reason: 'Choose why you decline it' },
  },
  {
    value: 'escalate',
    label: 'Escalate for safeguarding',
    path: 'escalate',
    fields: [{ name: 'reason', label: 'Why you are worried', rows: 3 }],
    done: 'Escalated for safeguarding. The view is withheld from the board and the safeguarding lead is told.',
    messages: { reason: 'Say why you are worried' },
  },
];

const MESSAGES = {
  redactedText: 'Write the words the board will see',
  question: 'Write your question',
  note: 'Write what the young person will read',
  summary: 'Write the summary the board will read',
  text: 'Write the summary the board will read',
};

/** A field of an action's form: a text box, or a choice from a list. */
function field(id, spec, view) {
  const group = element('div', 'form-group');
  const inputId = `${id}-${spec.name}`;
  const label = element('label', null, spec.label);
  label.htmlFor = inputId;
  group.append(label);
  if (spec.hint) {
    const hint = element('p', 'hint', spec.hint);
    hint.id = `${inputId}-hint`;
    group.append(hint);
  }
  let input;
  if (spec.choices) {
    input = element('select');
    input.append(element('option', null, 'Choose a reason'));
    input.firstChild.value = '';
    for (const [value, words] of spec.choices) {
      const option = element('option', null, words);
      option.value = value;
      input.append(option);
    }
  } else {
    input = element('textarea');
    input.rows = spec.rows ?? 3;
    if (spec.fromView) input.value = view.text ?? '';
  }
  input.id = inputId;
  input.name = spec.name;
  // A child's words, or a summary of them: never kept in the tab when a session ends (kept-work.js).
  if (input.tagName === 'TEXTAREA') input.dataset.keep = 'no';
  if (spec.hint) input.setAttribute('aria-describedby', `${inputId}-hint`);
  group.append(input);
  return group;
}

/** What the young person was told their sharing choice means: the same words as on their form. */
function sharingFacts(sharing) {
  const explained = SHARING_EXPLAINED[sharing];
  if (!explained) return [element('li', null, `Sharing: ${sharing}`)];
  const told = element('li', null, `They chose “${explained.choice}”. They were told: `);
  const lines = element('ul');
  for (const words of [explained.board, explained.public, explained.author]) lines.append(element('li', null, words));
  told.append(lines);
  return [told];
}

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

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

// The last day a view may be read on: its deadline is the start of the next London day.
const lastDay = (dueBy) => formatDate(new Date(Date.parse(dueBy) - 1).toISOString());

/**
 * The board's moderation window for this view: the day a person must read it by, and, once past it, who
 * was told (the moderation lead) and how long it has waited. The overdue come first in the queue.
 */
function deadlineNote(moderation) {
  const { days, workingDays } = moderation.waited;
  const waited = `${plural(days, 'day', 'days')} (${plural(workingDays, 'working day', 'working days')})`;
  const what = moderation.round > 1 ? 'The author’s answer' : 'This view';
  if (!moderation.overdue) {
    return element('p', 'hint', `${what} must be read by the end of ${lastDay(moderation.dueBy)}. Waiting ${waited}.`);
  }
  const escalation = moderation.escalation;
  const told = !escalation
    ? 'the moderation lead is being told'
    : escalation.lead
      ? `escalated to ${escalation.lead.name ?? 'the moderation lead'}`
      : 'escalated, but this board has no moderation lead: ask an admin to name one';
  return element(
    'p',
    'overdue-warning',
    `Overdue: ${told}. ${what} was due to be read by the end of ${lastDay(moderation.dueBy)} and has waited ${waited}.`,
  );
}

function viewCard(view, index, onDone) {
  const id = `v${index}`;
  const card = element('section', 'entry');
  card.setAttribute('aria-labelledby', `${id}-title`);
  const title = element('h2', null, `View ${index + 1}, sent ${formatDate(view.submittedAt)}`);
  title.id = `${id}-title`;
  card.append(title);
  if (view.moderation) {
    if (view.moderation.overdue) card.classList.add('case-overdue');
    card.append(deadlineNote(view.moderation));
  }

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
  facts.append(...sharingFacts(view.sharing));
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
  const summaryOnly = view.sharing === 'summary-only';
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
    const specs = [...action.fields, ...(summaryOnly && action.value.startsWith('accept') ? [SUMMARY_FIELD] : [])];
    if (specs.length) {
      const extra = element('div');
      extra.hidden = true;
      extra.dataset.for = action.value;
      extra.append(...specs.map((spec) => field(`${id}-${action.value}`, spec, view)));
      extras.push(extra);
    }
  }
  fieldset.append(choices);
  group.append(fieldset);
  form.append(group, ...extras);
  form.addEventListener('change', () => {
    const chosen = form.querySelector('input[name="outcome"]:checked')?.value;
    for (const extra of extras) extra.hidden = extra.dataset.for !== chosen;
  });

  const button = element('button', 'button', 'Confirm');
  button.type = 'submit';
  form.append(button);
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const action = ACTIONS.find((a) => a.value === form.querySelector('input[name="outcome"]:checked')?.value);
    if (!action) {
      showErrors(form, summary, null, { fallback: 'Choose what to do with this view.' });
      return;
    }
    const shown = extras.find((extra) => extra.dataset.for === action.value);
    const body = Object.fromEntries(
      [...(shown?.querySelectorAll('textarea, select') ?? [])].map((input) => [input.name, input.value]),
    );
    // The summary may wait (the view then waits for it on this page before it can be tabled); sent only if written.
    if (body.summary !== undefined && !body.summary.trim()) delete body.summary;
    button.disabled = true;
    try {
      await send.post(`/api/moderation/views/${encodeURIComponent(view.contributionId)}/${action.path}`, body);
      await onDone(action.done);
    } catch (error) {
      // Two actions have a field named "reason": errors go to the chosen action's own fields.
      showErrors(shown ?? form, summary, error, { messages: { ...MESSAGES, ...action.messages } });
    } finally {
      button.disabled = false;
    }
  });
  card.append(form);
  return card;
}

/** An accepted "summary only" view waiting for its summary: the words, any earlier summary, a form. */
function summaryCard(view, index, onDone) {
  const id = `s${index}`;
  const card = element('section', 'entry');
  card.setAttribute('aria-labelledby', `${id}-title`);
  const title = element('h3', null, `View ${view.contributionId}, sent ${formatDate(view.submittedAt)}`);
  title.id = `${id}-title`;
  card.append(title);
  const words = element('blockquote');
  words.append(element('p', null, view.redactedText ?? view.text ?? 'The words are not available.'));
  card.append(words);
  if (view.redactedText)
    card.append(element('p', 'hint', 'These are the words as you accepted them, with redactions.'));
  const facts = element('ul');
  const themes =
    Array.isArray(view.themes) && view.themes.length ? view.themes.map(themeWords).join(', ') : 'none given';
  facts.append(element('li', null, `Themes: ${themes}`));
  facts.append(...sharingFacts(view.sharing));
  card.append(facts);
  if (view.summary) {
    card.append(
      element('p', null, `Your summary (version ${view.summary.version}), which its author asked you to change:`),
    );
    const earlier = element('blockquote');
    earlier.append(element('p', null, view.summary.text ?? ''));
    card.append(earlier);
    if (view.summary.message) {
      card.append(element('p', null, 'What they said:'));
      const said = element('blockquote');
      said.append(element('p', null, view.summary.message));
      card.append(said);
    }
  }
  const form = element('form');
  form.noValidate = true;
  const errors = element('div', 'error-summary');
  errors.id = `${id}-errors`;
  errors.tabIndex = -1;
  errors.setAttribute('role', 'alert');
  errors.hidden = true;
  form.append(errors);
  const spec = { ...SUMMARY_FIELD, name: 'text' };
  const group = field(id, spec, view);
  if (view.summary?.text) group.querySelector('textarea').value = view.summary.text;
  form.append(group);
  const button = element('button', 'button', 'Save the summary');
  button.type = 'submit';
  form.append(button);
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, errors);
    button.disabled = true;
    try {
      const path = `/api/moderation/views/${encodeURIComponent(view.contributionId)}/summary`;
      await send.post(path, { text: form.elements.text.value });
      await onDone('Summary saved. The board can now read it, and its author can read it with their code.');
    } catch (error) {
      showErrors(form, errors, error, { messages: MESSAGES });
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
  let summaries;
  try {
    [views, summaries] = await Promise.all([
      apiGet('/api/moderation/queue', { auth: true }),
      apiGet('/api/moderation/summaries', { auth: true }),
    ]);
  } catch (error) {
    showErrors(queue, pageSummary, error, { fallback: 'We could not load the queue. Try again.' });
    return;
  }
  const count = document.getElementById('count');
  const overdue = views.filter((view) => view.moderation?.overdue).length;
  count.textContent =
    (views.length === 1 ? '1 view is waiting.' : `${views.length} views are waiting.`) +
    (overdue === 0
      ? ''
      : ` ${overdue} ${overdue === 1 ? 'is' : 'are'} past the board’s moderation window, listed first.`);
  queue.replaceChildren(...views.map((view, i) => viewCard(view, i, done)));
  document.getElementById('summaries-count').textContent =
    summaries.length === 0
      ? 'No summaries to write.'
      : summaries.length === 1
        ? '1 view needs a summary.'
        : `${summaries.length} views need a summary.`;
  document.getElementById('summaries').replaceChildren(...summaries.map((view, i) => summaryCard(view, i, done)));
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
