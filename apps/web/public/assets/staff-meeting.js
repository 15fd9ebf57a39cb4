/* global document, location */
// The meeting console: the clerk builds the agenda, the chair publishes it and opens the meeting with
// attendance; then, per item, the clerk records minutes and tables accepted views, and the chair
// records a decision citing the tabled views with their influence. The meeting id is the only thing in
// the URL; every write is a JSON POST body.
import { ApiError, apiGet, clearErrors, showErrors, submission } from './api.js';
import { element, formatDate, londonTimeToUtc } from './page.js';
import { hasRole, requireSession } from './session.js';
import { SHARING_EXPLAINED } from './sharing.js';
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
/** Views beside the meeting: accepted ones not yet tabled (clerk), those tabled per item, the officers. */
let views = { ready: [], tabled: new Map(), officers: [], awaitingApproval: [] };
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
function onSubmit(form, write, { messages = {}, doneWords } = {}) {
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const summary = summaryOf(form);
    clearErrors(form, summary);
    const button = event.submitter ?? form.querySelector('[type=submit]');
    if (button) button.disabled = true;
    try {
      await write(send, event.submitter);
      await refresh();
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

/**
 * Reads the meeting again, then the views beside it. The write's position goes with the reads
 * (X-Read-After, see api.js), so they answer once the read models show the change: no polling.
 */
async function refresh() {
  const next = await apiGet(base, { auth: true });
  views = await loadViews(next);
  meeting = next;
  render();
}

const tabledAt = (item) =>
  apiGet(`/api/insight/meetings/${encodeURIComponent(meetingId)}/items/${encodeURIComponent(item.itemId)}/views`, {
    auth: true,
  });

/** Earlier meetings whose drafted minutes wait for approval at this one. */
async function minutesAwaitingApproval(m) {
  const drafted = await apiGet('/api/meetings?status=minutes-drafted', { auth: true });
  return drafted.filter((other) => other.meetingId !== meetingId && other.startsAt < m.startsAt);
}

/** What the item forms list: only read when the meeting is open or has decisions, and only for roles that use it. */
async function loadViews(m) {
  const isClerk = hasRole(session, 'clerk', 'admin');
  const isChair = hasRole(session, 'chair');
  const open = m.status === 'in-progress';
  const decided = m.decisions.length > 0;
  const loaded = { ready: [], tabled: new Map(), officers: views.officers, awaitingApproval: [] };
  if (!(open || decided) || !(isClerk || isChair)) return loaded;
  if (open && isChair) loaded.awaitingApproval = await minutesAwaitingApproval(m);
  const items = m.agenda.filter((i) => !i.withdrawn);
  const [ready, ...perItem] = await Promise.all([
    isClerk && open ? apiGet('/api/views/ready-to-table', { auth: true }) : Promise.resolve([]),
    ...items.map((item) => tabledAt(item).then((answer) => [item.itemId, answer])),
  ]);
  loaded.ready = ready;
  loaded.tabled = new Map(perItem);
  if (decided && loaded.officers.length === 0 && hasRole(session, 'chair', 'clerk')) {
    loaded.officers = await apiGet('/api/staff/officers', { auth: true });
  }
  return loaded;
}

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
  renderInterests(items, { isClerk, isChair, open });
  renderMinutes({ isClerk, isChair, open });
  const before = ['scheduled', 'agenda-published'].includes(meeting.status);
  document.getElementById('change-section').hidden = !((isClerk || isChair) && before);
  document.getElementById('cancel-form').hidden = !isClerk;
  document.getElementById('close-section').hidden = !(isChair && open);
}

/** Declarations of interest: listed once the meeting is open; the chair or clerk records them. */
function renderInterests(items, { isClerk, isChair, open }) {
  const declarations = meeting.declarations ?? [];
  document.getElementById('interests-section').hidden = !(open || declarations.length);
  const list = document.getElementById('interests-list');
  list.replaceChildren();
  const titleOf = (itemId) => items.find((i) => i.itemId === itemId)?.title ?? 'an item';
  for (const d of declarations) {
    list.append(element('li', null, `${d.name ?? 'A member'}, on “${titleOf(d.itemId)}”: ${d.nature}`));
  }
  if (declarations.length === 0) list.append(element('li', null, 'None declared.'));
  const form = document.getElementById('interest-form');
  form.hidden = !(open && (isClerk || isChair));
  if (form.hidden) return;
  const fill = (select, options) => {
    const chosen = select.value;
    select.replaceChildren(
      ...options.map(([value, words]) => {
        const option = element('option', null, words);
        option.value = value;
        return option;
      }),
    );
    if (options.some(([value]) => value === chosen)) select.value = chosen;
  };
  const here = meeting.attendance.entries.filter((e) => e.status === 'present' || e.status === 'substitute');
  fill(
    form.elements.memberId,
    here.map((e) => [e.memberId, e.name ?? 'A member']),
  );
  fill(
    form.elements.itemId,
    items.map((i) => [i.itemId, i.title]),
  );
}

/** The minutes' path: drafted by the clerk after the meeting, approved at a later one, then published. */
function renderMinutes({ isClerk, isChair, open }) {
  const after = ['closed', 'adjourned', 'minutes-drafted', 'minutes-approved', 'minutes-published'].includes(
    meeting.status,
  );
  document.getElementById('minutes-section').hidden = !after;
  const words = {
    'minutes-drafted': 'Drafted, waiting for approval at a later meeting.',
    'minutes-approved': 'Approved as a correct record; ready to publish.',
    'minutes-published': `Published on ${formatDate(meeting.minutes?.publishedAt)}.`,
  };
  document.getElementById('minutes-state').textContent =
    words[meeting.status] ?? 'Taken at the meeting; not yet drafted for approval.';
  document.getElementById('draft-form').hidden = !(isClerk && ['closed', 'adjourned'].includes(meeting.status));
  document.getElementById('publish-minutes-form').hidden = !(
    (isClerk || isChair) &&
    meeting.status === 'minutes-approved'
  );
  // At an open meeting, the chair approves earlier minutes waiting for it.
  const approve = document.getElementById('approve-section');
  approve.hidden = !(isChair && open && views.awaitingApproval.length);
  const list = document.getElementById('approve-list');
  list.replaceChildren();
  if (approve.hidden) return;
  for (const earlier of views.awaitingApproval) {
    const form = element('form');
    form.noValidate = true;
    form.append(errorBox(nextId('approve-errors')));
    const button = element(
      'button',
      'button',
      `Approve the minutes of “${earlier.title}” (${formatDate(earlier.startsAt)})`,
    );
    button.type = 'submit';
    form.append(button);
    onSubmit(form, (send) => send.post(`${base}/approve-minutes-of/${encodeURIComponent(earlier.meetingId)}`, {}), {
      doneWords: `Minutes of “${earlier.title}” approved as a correct record.`,
    });
    list.append(form);
  }
}

async function pageWrite(write, words) {
  const summary = document.getElementById('error-summary');
  summary.hidden = true;
  try {
    await write();
    await refresh();
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
      if (hasRole(session, 'chair', 'clerk')) {
        const fold = element('details', 'action-fold');
        fold.append(element('summary', null, `Give an action on this decision`), actionForm(decision));
        section.append(fold);
      }
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
  });
  return form;
}

/** A checkbox per view, with its themes and its words as the board may read them. */
function viewChoices(name, legend, list, { checked = false, hint } = {}) {
  const group = element('div', 'form-group');
  const fieldset = element('fieldset');
  fieldset.append(element('legend', null, legend));
  if (hint) fieldset.append(element('p', 'hint', hint));
  const choices = element('div', 'choices');
  for (const view of list) {
    const choice = element('div', 'choice view-choice');
    const input = element('input');
    input.type = 'checkbox';
    input.name = name;
    input.value = view.contributionId;
    input.id = nextId(name);
    input.checked = checked;
    // A "summary only" view waiting for its summary cannot be tabled yet (the API would refuse it).
    input.disabled = view.needsSummary === true;
    const label = element('label', null, viewLabel(view));
    label.htmlFor = input.id;
    choice.append(input, label, viewWords(view));
    choices.append(choice);
  }
  fieldset.append(choices);
  group.append(fieldset);
  return group;
}

const viewLabel = (view) => {
  const themes = view.themes?.length ? ` about ${view.themes.map(themeWords).join(', ')}` : '';
  return `View ${view.contributionId}${themes}`;
};

function viewWords(view) {
  if (view.words) return element('blockquote', 'view-words', view.words);
  if (view.summary) {
    // What the young person was told the board reads, in the same words: a summary, never their words.
    const box = element('div', 'view-words');
    box.append(
      element('p', 'hint', `A summary written by the moderator. ${SHARING_EXPLAINED['summary-only'].board}`),
      element('blockquote', null, view.summary),
    );
    return box;
  }
  if (view.needsSummary) {
    return element(
      'p',
      'hint',
      'Its author chose “A summary only”, and no summary has been written yet: it can be tabled once the moderator writes one.',
    );
  }
  return element(
    'p',
    'hint',
    view.note ?? 'Its author chose “A summary only”: the board reads a summary, not the words.',
  );
}

/** The clerk answers the young people whose views were tabled here ("you said, we did"). */
function feedbackForm(item, decided) {
  const form = element('form');
  form.noValidate = true;
  form.append(errorBox(nextId('feedback-errors')));
  form.append(element('h3', null, 'Answer the young people'));
  const tabled = (views.tabled.get(item.itemId)?.views ?? []).filter((v) => v.availability === 'available');
  if (tabled.length === 0) {
    form.append(element('p', null, 'No views were tabled at this item, so there is no one to answer here.'));
    return form;
  }
  form.append(
    viewChoices('contributionIds', 'The views this answers', tabled, {
      checked: true,
      hint: 'Each young person reads the answer with their receipt code.',
    }),
    textField('text', 'The answer, in plain words for a young reader', { multiline: true }),
  );
  // Above the board's reading age (11 unless set), an answer goes only with the sender's reason.
  const why = textField('readingAgeReason', 'Why it must be sent as it is', {
    multiline: true,
    hint: 'Only if you cannot make it simpler. Your reason is kept with the answer.',
  });
  why.hidden = true;
  form.append(why);
  const advice = element('p', 'hint');
  advice.setAttribute('role', 'status');
  const button = element('button', 'button', 'Send the answer');
  button.type = 'submit';
  form.append(button, advice);
  const send = submission({ auth: true });
  const check = submission({ auth: true });
  const tooHard = (age, limit) =>
    `This answer has a reading age of about ${age}. The board asks for ${limit} or below. ` +
    'Make it simpler, or say why it must be sent as it is, then send it again.';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const summary = summaryOf(form);
    clearErrors(form, summary);
    button.disabled = true;
    const text = form.elements.text.value;
    const reason = form.elements.readingAgeReason.value.trim();
    try {
      // The reading age is checked before the answer is sent.
      if (text.trim() && !reason) {
        const estimate = await check.post('/api/staff/feedback/reading-age', { text });
        if (!estimate.withinLimit) {
          why.hidden = false;
          advice.textContent = `${tooHard(estimate.readingAge, estimate.limit)} ${estimate.advice}`;
          form.elements.readingAgeReason.focus();
          return;
        }
      }
      const answer = await send.post('/api/views/feedback', {
        contributionIds: checkedValues(form, 'contributionIds'),
        text,
        decisionIds: decided.map((d) => d.decisionId),
        actionIds: [],
        ...(reason ? { readingAgeReason: reason } : {}),
      });
      const age = answer.readingAge?.readingAge;
      advice.textContent = age ? `Reading age about ${age}. ${answer.readingAge.advice ?? ''}` : '';
      why.hidden = true;
      form.elements.readingAgeReason.value = '';
      say(`Answer sent for “${item.title}”.`);
    } catch (error) {
      if (error instanceof ApiError && error.problem?.type === '/problems/reading-age-too-high') {
        why.hidden = false;
        advice.textContent = tooHard(error.problem.readingAge, error.problem.limit);
      }
      showErrors(form, summary, error, {
        messages: { contributionIds: 'Choose at least one view to answer', text: 'Write the answer' },
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

/** The clerk puts accepted views before the board at this item, then marks them considered. */
function tablingForm(item) {
  const wrapper = element('div');
  const form = element('form');
  form.noValidate = true;
  form.append(errorBox(nextId('tabling-errors')));
  form.append(element('h3', null, 'Table views at this item'));
  if (views.ready.length) {
    form.append(
      viewChoices('ready', 'Accepted views not yet before the board', views.ready, {
        hint: 'Choose the views this item should hear. Oldest first.',
      }),
    );
  } else {
    form.append(element('p', null, 'No accepted views are waiting to be tabled.'));
  }
  form.append(
    textField('contributionIds', 'Or the references of views already tabled elsewhere', {
      hint: 'Optional. Put several on separate lines.',
      multiline: true,
    }),
  );
  const table = element('button', 'button', 'Table these views');
  table.type = 'submit';
  form.append(table);
  onSubmit(
    form,
    async (send) => {
      const ids = [...checkedValues(form, 'ready'), ...references(form.elements.contributionIds.value)];
      if (ids.length === 0) throw new Error('Choose at least one view to table.');
      await send.post(itemViewsPath(item), { contributionIds: ids });
    },
    {
      messages: { contributionIds: 'Choose at least one accepted view' },
      doneWords: `Tabled the view(s) at “${item.title}”.`,
    },
  );
  wrapper.append(form);

  const tabled = (views.tabled.get(item.itemId)?.views ?? []).filter((v) => v.availability === 'available');
  if (tabled.length) {
    const considered = element('form');
    considered.noValidate = true;
    considered.append(errorBox(nextId('considered-errors')));
    considered.append(element('h3', null, 'Views tabled here'));
    considered.append(viewChoices('considered', 'Mark as considered by the board', tabled, { checked: true }));
    const mark = element('button', 'button secondary', 'Mark them considered');
    mark.type = 'submit';
    considered.append(mark);
    onSubmit(
      considered,
      async (send) => {
        const ids = checkedValues(considered, 'considered');
        if (ids.length === 0) throw new Error('Choose at least one view.');
        await send.post(itemViewsPath(item, '/considered'), { contributionIds: ids });
      },
      { doneWords: `Marked the view(s) considered at “${item.title}”.` },
    );
    wrapper.append(considered);
  }
  const withheld = views.tabled.get(item.itemId)?.withheld ?? 0;
  if (withheld)
    wrapper.append(element('p', 'hint', `${withheld} view(s) tabled here are now withheld for safeguarding.`));
  return wrapper;
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

  // The picker: the views tabled at this item; each one cited gets its influence and a rationale.
  const picker = element('fieldset', 'picker');
  picker.append(element('legend', null, 'Children’s views this decision cites'));
  const tabledHere = views.tabled.get(item.itemId) ?? { views: [], withheld: 0 };
  const citable = tabledHere.views.filter((v) => v.availability === 'available');
  if (citable.length === 0) {
    picker.append(element('p', null, 'No views are tabled at this item.'));
  }
  const chosen = element('ul', 'picked');
  for (const view of citable) chosen.append(citationRow(view));
  for (const view of tabledHere.views.filter((v) => v.availability !== 'available')) {
    chosen.append(element('li', 'hint', `View ${view.contributionId}: ${view.note}`));
  }
  if (tabledHere.withheld) {
    chosen.append(element('li', 'hint', `${tabledHere.withheld} view(s) withheld for safeguarding (not shown).`));
  }
  const none = textField('noneApplied', 'Or: why no children’s views applied', { multiline: true });
  picker.append(chosen, none);
  form.append(picker);

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
      const citations = [...chosen.querySelectorAll('li.citation')]
        .filter((li) => li.querySelector('input[name="cite"]').checked)
        .map((li) => ({
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
    },
  );
  return form;
}

/** The chair or clerk gives an action on a decision to a board member or an officer. */
function actionForm(decision) {
  const form = element('form');
  form.noValidate = true;
  form.append(errorBox(nextId('action-errors')));
  form.append(textField('description', 'What must be done', { multiline: true }));
  const owner = element('div', 'form-group');
  const select = element('select');
  select.id = nextId('owner');
  select.name = 'owner';
  const ownerLabel = element('label', null, 'Who does it');
  ownerLabel.htmlFor = select.id;
  const officers = element('optgroup');
  officers.label = 'Officers (they can report progress themselves)';
  for (const officer of views.officers) {
    const option = element('option', null, officer.displayName);
    option.value = `officer:${officer.userId}`;
    officers.append(option);
  }
  const members = element('optgroup');
  members.label = 'Board members';
  for (const member of board.members.filter((m) => m.serving)) {
    const option = element('option', null, member.name ?? 'A member');
    option.value = `member:${member.memberId}`;
    members.append(option);
  }
  const other = element('option', null, 'Another officer, named below');
  other.value = 'named';
  select.append(officers, members, other);
  owner.append(ownerLabel, select);
  const named = textField('officerName', 'The officer’s name or post (for another officer)');
  const due = textField('dueOn', 'Due by');
  const dueInput = due.querySelector('input');
  dueInput.type = 'date';
  form.append(owner, named, due);
  const button = element('button', 'button', 'Give the action');
  button.type = 'submit';
  form.append(button);
  onSubmit(
    form,
    (send) => {
      const [kind, id] = select.value.split(/:(.*)/s);
      const officer = views.officers.find((o) => o.userId === id);
      const ownerBody =
        kind === 'member'
          ? { memberId: id }
          : kind === 'officer'
            ? { officer: { id, name: officer?.displayName ?? 'Officer' } }
            : { officer: { name: form.elements.officerName.value } };
      return send.post(`/api/decisions/${encodeURIComponent(decision.decisionId)}/actions`, {
        description: form.elements.description.value,
        owner: ownerBody,
        dueOn: dueInput.value,
      });
    },
    {
      messages: {
        description: 'Say what must be done',
        dueOn: 'Give the date it is due by',
        owner: 'Choose who does it, or name the officer',
        'owner.officer.name': 'Name the officer (or their post)',
      },
      doneWords: 'Action given. The officer sees it on their actions page.',
    },
  );
  return form;
}

/** One tabled view in the picker: cite it, then say what it did and why. */
function citationRow(view) {
  const li = element('li', 'citation');
  li.dataset.contributionId = view.contributionId;
  const cite = element('div', 'choice');
  const box = element('input');
  box.type = 'checkbox';
  box.name = 'cite';
  box.value = view.contributionId;
  box.id = nextId('cite');
  const label = element('label', null, `Cite ${viewLabel(view).replace(/^View/, 'view')}`);
  label.htmlFor = box.id;
  cite.append(box, label);
  li.append(cite, viewWords(view));
  const details = element('div', 'citation-details');
  details.hidden = true;
  const influence = radios('influence', `What did view ${view.contributionId} do?`, INFLUENCE, undefined);
  for (const input of influence.querySelectorAll('input')) input.name = `influence-${view.contributionId}`;
  details.append(
    influence,
    textField('rationale', `Why (for view ${view.contributionId}), in plain words a young person can read`, {
      multiline: true,
    }),
  );
  box.addEventListener('change', () => {
    details.hidden = !box.checked;
  });
  li.append(details);
  return li;
}

document.addEventListener('DOMContentLoaded', async () => {
  session = requireSession();
  try {
    [board, meeting] = await Promise.all([apiGet('/api/board', { auth: true }), apiGet(base, { auth: true })]);
    views = await loadViews(meeting);
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
    },
  );
  const publishForm = document.getElementById('publish-form');
  onSubmit(
    publishForm,
    (send) => {
      const reason = publishForm.elements.urgencyReason.value.trim();
      return send.post(`${base}/publish-agenda`, reason ? { urgencyReason: reason } : {});
    },
    { doneWords: 'Agenda published.' },
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
    { doneWords: 'The meeting is open.' },
  );
  const interestForm = document.getElementById('interest-form');
  onSubmit(
    interestForm,
    (send) =>
      send.post(`${base}/interests`, {
        memberId: interestForm.elements.memberId.value,
        itemId: interestForm.elements.itemId.value,
        nature: interestForm.elements.nature.value,
      }),
    {
      messages: { nature: 'Say what the interest is', memberId: 'Choose the member' },
      doneWords: 'Declaration recorded.',
    },
  );
  const rescheduleForm = document.getElementById('reschedule-form');
  onSubmit(
    rescheduleForm,
    (send) => {
      const place = rescheduleForm.elements.place.value.trim();
      return send.post(`${base}/reschedule`, {
        startsAt: londonTimeToUtc(rescheduleForm.elements.startsAt.value),
        ...(place ? { place } : {}),
      });
    },
    {
      messages: { startsAt: 'Give the new date and start time' },
      doneWords: 'The meeting has moved.',
    },
  );
  const cancelForm = document.getElementById('cancel-form');
  onSubmit(cancelForm, (send) => send.post(`${base}/cancel`, { reason: cancelForm.elements.reason.value }), {
    messages: { reason: 'Say why the meeting is cancelled' },
    doneWords: 'The meeting is cancelled.',
  });
  onSubmit(document.getElementById('draft-form'), (send) => send.post(`${base}/minutes/draft`, {}), {
    doneWords: 'Minutes drafted: the chair approves them at the next meeting.',
  });
  onSubmit(document.getElementById('publish-minutes-form'), (send) => send.post(`${base}/minutes/publish`, {}), {
    doneWords: 'Minutes published.',
  });
  onSubmit(document.getElementById('close-form'), (send) => send.post(`${base}/close`, {}), {
    doneWords: 'The meeting is closed.',
  });
});
