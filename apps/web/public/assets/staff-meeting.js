/* global document, location */
// The meeting console: the clerk builds the agenda, the chair publishes it and opens the meeting with
// attendance; then, per item, the clerk records minutes and tables accepted views, and the chair
// records a decision citing the tabled views with their influence. The meeting id is the only thing in
// the URL; every write is a JSON POST body.
import { ApiError, apiGet, clearErrors, showErrors, submission } from './api.js';
import { element, formatDate } from './page.js';
import { hasRole, requireSession } from './session.js';
import { themeWords } from './themes.js';

const meetingId = decodeURIComponent(location.pathname.split('/').pop());
const base = `/api/meetings/${encodeURIComponent(meetingId)}`;
const PURPOSE = { decision: 'For decision', discussion: 'For discussion', information: 'For information' };
const INFLUENCE = [
  ['shaped', 'Shaped the decision'],
  ['informed', 'Informed the decision'],
  ['considered-not-adopted', 'Considered but not adopted'],
];

let session;
let board = { themes: [], members: [] };
let meeting;
let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;

function say(words) {
  const done = document.getElementById('done');
  done.textContent = words;
  done.hidden = false;
  done.setAttribute('tabindex', '-1');
  done.focus();
}

const summaryOf = (form) => form.querySelector('.error-summary') ?? document.getElementById('error-summary');

/** Runs one write from a form: errors in the form's summary; on success the page reloads its data. */
function onSubmit(form, write, { messages = {}, doneWords, changed } = {}) {
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const summary = summaryOf(form);
    clearErrors(form, summary);
    const button = event.submitter ?? form.querySelector('[type=submit]');
    if (button) button.disabled = true;
    try {
      const before = meeting;
      await write(send, event.submitter);
      await refresh(changed ? (m) => changed(before, m) : undefined);
      say(doneWords);
    } catch (error) {
      showErrors(form, summary, error, {
        messages,
        fallback: error instanceof ApiError ? undefined : String(error.message),
      });
    } finally {
      if (button) button.disabled = false;
    }
  });
}

/** Reads the meeting again; read models follow writes shortly, so wait until the change shows. */
async function refresh(changed) {
  for (let tries = 0; tries < 40; tries++) {
    const next = await apiGet(base, { auth: true });
    if (!changed || changed(next) || tries === 39) {
      meeting = next;
      render();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
const moved = (before, after) =>
  JSON.stringify(before.timeline) !== JSON.stringify(after.timeline) ||
  before.decisions.length !== after.decisions.length;

function errorBox(id) {
  const box = element('div', 'error-summary');
  box.id = id;
  box.tabIndex = -1;
  box.setAttribute('role', 'alert');
  box.hidden = true;
  return box;
}

function textField(name, label, { multiline = false, value = '', hint } = {}) {
  const group = element('div', 'form-group');
  const input = element(multiline ? 'textarea' : 'input');
  if (!multiline) input.type = 'text';
  else input.rows = 3;
  input.id = nextId(name);
  input.name = name;
  input.value = value;
  const labelNode = element('label', null, label);
  labelNode.htmlFor = input.id;
  group.append(labelNode);
  if (hint) {
    const hintNode = element('p', 'hint', hint);
    hintNode.id = `${input.id}-hint`;
    input.setAttribute('aria-describedby', hintNode.id);
    group.append(hintNode);
  }
  group.append(input);
  return group;
}

function radios(name, legend, options, checked) {
  const group = element('div', 'form-group');
  const fieldset = element('fieldset');
  fieldset.append(element('legend', null, legend));
  const choices = element('div', 'choices');
  for (const [value, label] of options) {
    const choice = element('div', 'choice');
    const input = element('input');
    input.type = 'radio';
    input.name = name;
    input.value = value;
    input.id = nextId(`${name}-${value}`);
    input.checked = value === checked;
    const labelNode = element('label', null, label);
    labelNode.htmlFor = input.id;
    choice.append(input, labelNode);
    choices.append(choice);
  }
  fieldset.append(choices);
  group.append(fieldset);
  return group;
}

function themeBoxes(container, name) {
  container.replaceChildren();
  for (const theme of board.themes) {
    const choice = element('div', 'choice');
    const input = element('input');
    input.type = 'checkbox';
    input.name = name;
    input.value = theme.code;
    input.id = nextId(`${name}-${theme.code}`);
    const label = element('label', null, theme.label ?? themeWords(theme.code));
    label.htmlFor = input.id;
    choice.append(input, label);
    container.append(choice);
  }
}
const checkedValues = (form, name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);

function render() {
  const isClerk = hasRole(session, 'clerk', 'admin');
  const isChair = hasRole(session, 'chair');
  const open = meeting.status === 'in-progress';
  document.getElementById('page-title').textContent = meeting.title;
  document.title = `${meeting.title} – Corporate Parenting Board`;
  const where = meeting.place ?? (meeting.onlineLink ? 'online' : 'place to be confirmed');
  document.getElementById('facts').textContent =
    `${formatDate(meeting.startsAt)}, ${where}. Status: ${meeting.status.replaceAll('-', ' ')}.`;
  const notice = meeting.notice;
  document.getElementById('notice-words').textContent = notice
    ? `Agenda published on ${formatDate(notice.publishedAt)} with ${notice.clearWorkingDays} clear working days’ notice${notice.onTime ? '' : ' (late, for urgency)'}.`
    : 'The agenda is not published yet.';

  // The agenda, with the clerk's changes before publication.
  const items = meeting.agenda.filter((i) => !i.withdrawn);
  const tbody = document.getElementById('agenda');
  tbody.replaceChildren();
  items.forEach((item, index) => {
    const row = element('tr');
    row.append(element('td', null, String(index + 1)));
    const title = element('th', null, item.title);
    title.scope = 'row';
    row.append(title, element('td', null, PURPOSE[item.purpose] ?? item.purpose));
    const cell = element('td');
    if (isClerk && meeting.status === 'scheduled') {
      const order = items.map((i) => i.itemId);
      const button = (words, label, handler) => {
        const b = element('button', 'button secondary small', words);
        b.type = 'button';
        b.setAttribute('aria-label', `${label}: ${item.title}`);
        b.addEventListener('click', handler);
        return b;
      };
      const reorder = (to) => async () => {
        const ids = [...order];
        ids.splice(index, 1);
        ids.splice(to, 0, item.itemId);
        await pageWrite(
          () => submission({ auth: true }).post(`${base}/agenda-order`, { itemIds: ids }, 'PUT'),
          `Moved “${item.title}”.`,
        );
      };
      if (index > 0) cell.append(button('Move up', 'Move up', reorder(index - 1)));
      if (index < items.length - 1) cell.append(button('Move down', 'Move down', reorder(index + 1)));
      cell.append(
        button('Withdraw', 'Withdraw', () =>
          pageWrite(
            () =>
              submission({ auth: true }).post(`${base}/agenda-items/${encodeURIComponent(item.itemId)}/withdraw`, {}),
            `Withdrew “${item.title}”.`,
          ),
        ),
      );
    } else {
      cell.textContent = item.standing ? 'Standing item' : '';
    }
    row.append(cell);
    tbody.append(row);
  });

  document.getElementById('add-item-section').hidden = !(isClerk && meeting.status === 'scheduled');
  document.getElementById('publish-section').hidden = !(isChair && meeting.status === 'scheduled');
  // The meeting opens once its agenda is out.
  renderAttendance(isChair && meeting.status === 'agenda-published');
  renderItems(items, { isClerk, isChair, open });
  document.getElementById('close-section').hidden = !(isChair && open);
}

async function pageWrite(write, words) {
  const summary = document.getElementById('error-summary');
  summary.hidden = true;
  try {
    await write();
    await refresh((m) => moved(meeting, m));
    say(words);
  } catch (error) {
    showErrors(document.createElement('form'), summary, error);
  }
}

function renderAttendance(show) {
  const section = document.getElementById('attendance-section');
  section.hidden = !show;
  if (!show) return;
  const serving = board.members.filter((m) => m.serving);
  document.getElementById('quorum').textContent =
    `The board needs ${board.quorum ?? meeting.attendance.quorum} members present to make decisions.`;
  const container = document.getElementById('attendance-members');
  if (container.childElementCount) return; // keep what the chair has chosen
  for (const member of serving) {
    const group = radios(
      'attendance',
      member.name ?? 'A member',
      [
        ['present', 'Present'],
        ['apologies', 'Apologies'],
        ['absent', 'Absent'],
      ],
      'present',
    );
    group.dataset.memberId = member.memberId;
    for (const input of group.querySelectorAll('input')) input.name = `attendance-${member.memberId}`;
    container.append(group);
  }
}

function renderItems(items, { isClerk, isChair, open }) {
  const container = document.getElementById('items');
  container.replaceChildren();
  if (!open && meeting.decisions.length === 0) return;
  items.forEach((item, index) => {
    const section = element('section', 'entry');
    const headingId = nextId('item-title');
    section.setAttribute('aria-labelledby', headingId);
    const heading = element('h2', null, `Item ${index + 1}: ${item.title}`);
    heading.id = headingId;
    section.append(heading);
    if (item.minutes) section.append(element('p', null, `Minutes: ${item.minutes.text}`));
    for (const decision of meeting.decisions.filter((d) => d.itemId === item.itemId)) {
      section.append(element('p', null, `Decision (${decision.kind}): ${decision.resolution}`));
    }
    if (open && isClerk) {
      section.append(minutesForm(item), tablingForm(item));
    }
    const decided = meeting.decisions.filter((d) => d.itemId === item.itemId);
    if (isClerk && decided.length) section.append(feedbackForm(item, decided));
    if (open && isChair) {
      // Items for decision show the form; on others it folds away, so the page stays short.
      const fold = element('details', 'decision-fold');
      fold.open = item.purpose === 'decision';
      fold.append(element('summary', null, `Record a decision on “${item.title}”`), decisionForm(item));
      section.append(fold);
    }
    container.append(section);
  });
}

function minutesForm(item) {
  const form = element('form');
  form.noValidate = true;
  form.append(errorBox(nextId('minutes-errors')));
  form.append(element('h3', null, 'Minutes'));
  form.append(textField('text', `Minutes for “${item.title}”`, { multiline: true, value: item.minutes?.text ?? '' }));
  const button = element('button', 'button', 'Save the minutes');
  button.type = 'submit';
  form.append(button);
  onSubmit(form, (send) => send.post(`${base}/minutes`, { itemId: item.itemId, text: form.elements.text.value }), {
    messages: { text: 'Write the minutes' },
    doneWords: `Minutes saved for “${item.title}”.`,
    changed: (before, after) =>
      after.agenda.find((i) => i.itemId === item.itemId)?.minutes?.text === form.elements.text.value,
  });
  return form;
}

/** The clerk answers the young people whose views were tabled here ("you said, we did"). */
function feedbackForm(item, decided) {
  const form = element('form');
  form.noValidate = true;
  form.append(errorBox(nextId('feedback-errors')));
  form.append(element('h3', null, 'Answer the young people'));
  form.append(
    textField('contributionIds', 'References of the views this answers', {
      hint: 'Put several on separate lines. Each young person reads the answer with their receipt code.',
      multiline: true,
    }),
    textField('text', 'The answer, in plain words for a young reader', { multiline: true }),
  );
  const advice = element('p', 'hint');
  advice.setAttribute('role', 'status');
  const button = element('button', 'button', 'Send the answer');
  button.type = 'submit';
  form.append(button, advice);
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const summary = summaryOf(form);
    clearErrors(form, summary);
    button.disabled = true;
    try {
      const answer = await send.post('/api/views/feedback', {
        contributionIds: references(form.elements.contributionIds.value),
        text: form.elements.text.value,
        decisionIds: decided.map((d) => d.decisionId),
        actionIds: [],
      });
      const age = answer.readingAge?.readingAge;
      advice.textContent = age ? `Reading age about ${age}. ${answer.readingAge.advice ?? ''}` : '';
      say(`Answer sent for “${item.title}”.`);
    } catch (error) {
      showErrors(form, summary, error, {
        messages: { contributionIds: 'Give the reference of at least one view', text: 'Write the answer' },
      });
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function itemViewsPath(item, suffix = '') {
  return `${base}/agenda-items/${encodeURIComponent(item.itemId)}/views${suffix}`;
}

const references = (value) => value.split(/[\s,]+/).filter(Boolean);

function tablingForm(item) {
  const form = element('form');
  form.noValidate = true;
  form.append(errorBox(nextId('tabling-errors')));
  form.append(element('h3', null, 'Views tabled at this item'));
  form.append(
    textField('contributionIds', 'References of accepted views', {
      hint: 'The reference shown with each view once it is accepted. Put several on separate lines.',
      multiline: true,
    }),
  );
  const group = element('div', 'button-group');
  const table = element('button', 'button', 'Table these views');
  table.type = 'submit';
  table.value = 'table';
  const considered = element('button', 'button secondary', 'Mark them considered');
  considered.type = 'submit';
  considered.value = 'considered';
  group.append(table, considered);
  form.append(group);
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const summary = summaryOf(form);
    clearErrors(form, summary);
    const asConsidered = event.submitter?.value === 'considered';
    try {
      const ids = references(form.elements.contributionIds.value);
      await send.post(itemViewsPath(item, asConsidered ? '/considered' : ''), { contributionIds: ids });
      say(
        asConsidered
          ? `Marked ${ids.length} view(s) considered at “${item.title}”.`
          : `Tabled ${ids.length} view(s) at “${item.title}”.`,
      );
    } catch (error) {
      showErrors(form, summary, error, {
        messages: { contributionIds: 'Give the reference of at least one accepted view' },
      });
    }
  });
  return form;
}

/** Checks that a view was tabled at this item (its journey says so) and returns what the board may see of it. */
async function tabledView(item, contributionId) {
  const journey = await apiGet(`/api/insight/views/${encodeURIComponent(contributionId)}/journey`, { auth: true });
  const tabled = journey.steps.some((s) => s.step === 'tabled' && s.itemId === item.itemId);
  if (!tabled) throw new Error(`View ${contributionId} has not been tabled at this item yet.`);
  return journey;
}

function decisionForm(item) {
  const form = element('form');
  form.noValidate = true;
  form.append(errorBox(nextId('decision-errors')));
  form.append(element('h3', null, 'Record a decision'));
  form.append(textField('resolution', 'Resolution', { multiline: true }));
  const kind = element('div', 'form-group');
  const kindSelect = element('select');
  kindSelect.id = nextId('kind');
  kindSelect.name = 'kind';
  for (const [value, words] of [
    ['resolution', 'Resolution'],
    ['recommendation', 'Recommendation'],
    ['noted', 'Noted'],
  ]) {
    const option = element('option', null, words);
    option.value = value;
    kindSelect.append(option);
  }
  const kindLabel = element('label', null, 'Kind of decision');
  kindLabel.htmlFor = kindSelect.id;
  kind.append(kindLabel, kindSelect);
  form.append(kind, textField('reasons', 'Reasons', { multiline: true }));
  form.append(
    radios(
      'reached',
      'How it was reached',
      [
        ['consensus', 'By consensus'],
        ['vote', 'By a vote'],
      ],
      'consensus',
    ),
  );
  const votes = element('div', 'votes');
  votes.hidden = true;
  for (const [name, words] of [
    ['for', 'Votes for'],
    ['against', 'Votes against'],
    ['abstain', 'Abstentions'],
  ]) {
    const field = textField(name, words);
    field.querySelector('input').inputMode = 'numeric';
    votes.append(field);
  }
  form.append(votes);
  const themes = element('div', 'form-group');
  const themeSet = element('fieldset');
  themeSet.append(element('legend', null, 'Themes'));
  const themeChoices = element('div', 'choices');
  themeBoxes(themeChoices, 'themes');
  for (const box of themeChoices.querySelectorAll('input')) box.checked = item.themes.includes(box.value);
  themeSet.append(themeChoices);
  themes.append(themeSet);
  form.append(themes);

  // The picker: views tabled at this item, each with its influence and a rationale.
  const picker = element('fieldset', 'picker');
  picker.append(element('legend', null, 'Children’s views this decision cites'));
  const pick = textField('pick', 'Reference of a view tabled at this item', {
    hint: 'Add each view the board took into account; then say what it did and why.',
  });
  const add = element('button', 'button secondary', 'Add this view');
  add.type = 'button';
  const chosen = element('ul', 'picked');
  const none = textField('noneApplied', 'Or: why no children’s views applied', { multiline: true });
  picker.append(pick, add, chosen, none);
  form.append(picker);
  const pickedIds = new Set();
  add.addEventListener('click', async () => {
    const summary = summaryOf(form);
    clearErrors(form, summary);
    const input = form.elements.pick;
    const id = input.value.trim();
    try {
      if (!id) throw new Error('Give the reference of a view tabled at this item.');
      if (pickedIds.has(id)) throw new Error('That view is already chosen.');
      const journey = await tabledView(item, id);
      pickedIds.add(id);
      chosen.append(citationRow(id, journey, () => pickedIds.delete(id)));
      input.value = '';
      chosen.lastElementChild.querySelector('input').focus();
    } catch (error) {
      showErrors(form, summary, error, {
        fallback: error instanceof ApiError ? 'We could not find that view.' : error.message,
      });
    }
  });

  form.addEventListener('change', () => {
    votes.hidden = form.querySelector('input[name="reached"]:checked')?.value !== 'vote';
  });
  const button = element('button', 'button', 'Record the decision');
  button.type = 'submit';
  form.append(button);
  onSubmit(
    form,
    (send) => {
      const method = form.querySelector('input[name="reached"]:checked')?.value ?? 'consensus';
      const number = (name) =>
        form.elements[name].value.trim() === '' ? undefined : Number(form.elements[name].value);
      const citations = [...chosen.querySelectorAll('li')].map((li) => ({
        contributionId: li.dataset.contributionId,
        influence: li.querySelector('input[type=radio]:checked')?.value,
        rationale: li.querySelector('textarea').value,
      }));
      const noneApplied = form.elements.noneApplied.value.trim();
      const body = {
        resolution: form.elements.resolution.value,
        kind: form.elements.kind.value,
        reasons: form.elements.reasons.value,
        reached:
          method === 'vote'
            ? { method, for: number('for'), against: number('against'), abstain: number('abstain') }
            : { method },
        themes: checkedValues(form, 'themes'),
        voiceEvidence: citations.length
          ? { contributions: citations }
          : noneApplied
            ? { noneApplied: { reason: noneApplied } }
            : {},
      };
      return send.post(`${base}/agenda-items/${encodeURIComponent(item.itemId)}/decisions`, body);
    },
    {
      messages: {
        resolution: 'Write the resolution',
        reasons: 'Give the reasons',
        reached: 'Say how the decision was reached',
        voiceEvidence: 'Cite the children’s views that applied (with influence and rationale), or say why none applied',
      },
      doneWords: `Decision recorded for “${item.title}”.`,
      changed: (before, after) => after.decisions.length > before.decisions.length,
    },
  );
  return form;
}

function citationRow(contributionId, journey, onRemove) {
  const li = element('li', 'citation');
  li.dataset.contributionId = contributionId;
  const themes = journey.themes.length ? ` about ${journey.themes.map(themeWords).join(', ')}` : '';
  li.append(element('p', null, `View ${contributionId}${themes}`));
  const influence = radios('influence', `What did view ${contributionId} do?`, INFLUENCE, undefined);
  for (const input of influence.querySelectorAll('input')) input.name = `influence-${contributionId}`;
  li.append(
    influence,
    textField('rationale', `Why (for view ${contributionId}), in plain words a young person can read`, {
      multiline: true,
    }),
  );
  const remove = element('button', 'button secondary', 'Remove');
  remove.type = 'button';
  remove.setAttribute('aria-label', `Remove view ${contributionId}`);
  remove.addEventListener('click', () => {
    onRemove();
    li.remove();
  });
  li.append(remove);
  return li;
}

document.addEventListener('DOMContentLoaded', async () => {
  session = requireSession();
  try {
    [board, meeting] = await Promise.all([apiGet('/api/board', { auth: true }), apiGet(base, { auth: true })]);
  } catch (error) {
    showErrors(document.createElement('form'), document.getElementById('error-summary'), error, {
      fallback: 'We could not load this meeting.',
    });
    return;
  }
  themeBoxes(document.getElementById('item-themes'), 'themes');
  render();

  const addForm = document.getElementById('add-item-form');
  onSubmit(
    addForm,
    async (send) => {
      await send.post(`${base}/agenda-items`, {
        title: addForm.elements.title.value,
        purpose: addForm.elements.purpose.value,
        lead: addForm.elements.lead.value,
        themes: checkedValues(addForm, 'themes'),
      });
      addForm.reset();
    },
    {
      messages: { title: 'Give the item a title', lead: 'Say who leads the item' },
      doneWords: 'Item added to the agenda.',
      changed: moved,
    },
  );
  const publishForm = document.getElementById('publish-form');
  onSubmit(
    publishForm,
    (send) => {
      const reason = publishForm.elements.urgencyReason.value.trim();
      return send.post(`${base}/publish-agenda`, reason ? { urgencyReason: reason } : {});
    },
    { doneWords: 'Agenda published.', changed: moved },
  );
  const openForm = document.getElementById('open-form');
  onSubmit(
    openForm,
    (send) =>
      send.post(`${base}/open`, {
        attendance: [...openForm.querySelectorAll('[data-member-id]')].map((group) => ({
          memberId: group.dataset.memberId,
          status: group.querySelector('input:checked')?.value ?? 'absent',
        })),
      }),
    { doneWords: 'The meeting is open.', changed: moved },
  );
  onSubmit(document.getElementById('close-form'), (send) => send.post(`${base}/close`, {}), {
    doneWords: 'The meeting is closed.',
    changed: moved,
  });
});
