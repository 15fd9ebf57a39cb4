/* global document, location, CSS */
// The meeting console: the clerk builds the agenda, the chair publishes it and opens the meeting with
// attendance (and substitutes); at the meeting, arrivals and departures keep the quorum count live, the
// clerk records minutes and tables views through one picker per item, and the chair records a decision
// citing the tabled views, checking the answers first (decisions are append-only). The meeting id is
// the only thing in the URL; every write is a JSON POST body. Views and decisions are named by their
// short references (V-0123, D-0042), never by their ids.
import { ApiError, apiGet, clearErrors, showErrors, submission } from './api.js';
import { formatDate, formatDateTime, londonTimeToUtc } from './page.js';
import { hasRole, requireSession } from './session.js';
import { SHARING_EXPLAINED } from './sharing.js';
import { themeWords } from './themes.js';

const meetingId = decodeURIComponent(location.pathname.split('/').pop());
const base = `/api/meetings/${encodeURIComponent(meetingId)}`;
const PURPOSE = { decision: 'For decision', discussion: 'For discussion', information: 'For information' };
const INFLUENCE = {
  shaped: 'Shaped the decision',
  informed: 'Informed the decision',
  'considered-not-adopted': 'Considered but not adopted',
};
const KINDS = { resolution: 'Resolution', recommendation: 'Recommendation', noted: 'Noted' };
const ATTENDANCE = { present: 'Present', apologies: 'Apologies', absent: 'Absent' };

let session;
let isClerk = false;
let isChair = false;
let board = { themes: [], members: [] };
let meeting;
/** Views beside the meeting: accepted ones not yet tabled (clerk), those tabled per item, the officers. */
let views = { ready: [], tabled: new Map(), officers: [], awaitingApproval: [] };
let uid = 0;
const quorumWords = (a) => `${a.presentCount} present, quorum ${a.quorum}.`;
const nextId = (prefix) => `${prefix}-${++uid}`;
const byId = (id) => document.getElementById(id);
const memberName = (memberId) =>
  board.members.find((m) => m.memberId === memberId)?.name ??
  meeting.attendance.entries.find((e) => e.memberId === memberId)?.name ??
  'A member';

/** Says what was done in the polite status line; focus stays where the person was (see returnFocus). */
function say(words) {
  const done = byId('done');
  done.textContent = words;
  done.hidden = false;
}

/**
 * After a save the page is drawn again: focus goes back to the same control (a form's button, by its
 * data-key or id), or else to the heading of the part of the page it was in, never to the top.
 */
function returnFocus(keys) {
  for (const key of keys.filter(Boolean)) {
    const found = document.querySelector(`[data-key="${CSS.escape(key)}"]`) ?? byId(key);
    if (!found || found.closest('[hidden]')) continue;
    const target = found.matches('form')
      ? found.querySelector('[type=submit]')
      : found.querySelector('h2, summary, button');
    if (!target) continue;
    if (!target.matches('button')) target.tabIndex = -1;
    target.focus();
    return;
  }
}

const summaryOf = (form) => form.querySelector('.error-summary') ?? byId('error-summary');
const keysOf = (node) => [
  node.dataset.key ?? node.id,
  node.parentElement?.closest('[data-key], section')?.dataset.key ?? node.closest('section')?.id,
];

/** One write; then the page reads its data again, says what was done and puts focus back where it was. */
async function run(node, send, write, done) {
  const back = keysOf(node);
  if ((await write(send)) === false) return;
  await refresh(node.closest('form'));
  say(typeof done === 'function' ? done() : done);
  returnFocus(back);
}

/** A form's write: errors in the form's summary (or, for another failure, its message). */
function onSubmit(form, write, { messages = {}, doneWords, onError } = {}) {
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const summary = summaryOf(form);
    clearErrors(form, summary);
    const button = event.submitter ?? form.querySelector('[type=submit]');
    if (button) button.disabled = true;
    try {
      await run(form, send, (sender) => write(sender, event.submitter), doneWords);
    } catch (error) {
      onError?.();
      const fallback = error instanceof ApiError ? undefined : String(error.message);
      showErrors(form, summary, error, { messages, fallback });
    } finally {
      if (button) button.disabled = false;
    }
  });
}

/** A write from a button outside a form (agenda order, arrivals): errors in the page's summary. */
function pageWrite(node, write, words) {
  const summary = byId('error-summary');
  summary.hidden = true;
  return run(node, submission({ auth: true }), write, words).catch((error) =>
    showErrors(document.createElement('form'), summary, error),
  );
}

/**
 * Reads the meeting again, then the views beside it. The write's position goes with the reads
 * (X-Read-After, see api.js), so they answer once the read models show the change: no polling.
 */
async function refresh(saved) {
  const next = await apiGet(base, { auth: true });
  views = await loadViews(next);
  meeting = next;
  const putBack = keepOpenWork(saved);
  render();
  putBack();
}

/**
 * The page is drawn again after every write (someone arrives, another form is saved): what is open and
 * typed elsewhere goes back in place, so a decision half written is not lost. The form just saved (and
 * the fold it sits in) starts afresh.
 */
function keepOpenWork(saved) {
  const keyOf = (node) => node.dataset.key || node.dataset.work;
  const open = [...document.querySelectorAll('details[open]')]
    .filter((details) => keyOf(details) && !(saved && details.contains(saved)))
    .map(keyOf);
  const changed = (field) =>
    field.type === 'checkbox' || field.type === 'radio'
      ? field.checked !== field.defaultChecked
      : field.tagName === 'SELECT'
        ? [...field.options].some((option) => option.selected !== option.defaultSelected)
        : field.value !== field.defaultValue;
  const typed = [...document.querySelectorAll('form :is(input, textarea, select)')]
    .filter((field) => keyOf(field.form) && field.form !== saved && field.name && changed(field))
    .map((field) => ({ form: keyOf(field.form), name: field.name, value: field.value, checked: field.checked }));
  const find = (tag, key) =>
    document.querySelector(`${tag}[data-key="${CSS.escape(key)}"], ${tag}[data-work="${CSS.escape(key)}"]`);
  return () => {
    for (const key of open) find('details', key)?.setAttribute('open', '');
    // The folds draw their forms in a microtask (see fold): the typed work goes in after them.
    queueMicrotask(() => {
      for (const { form, name, value, checked } of typed) {
        for (const field of find('form', form)?.querySelectorAll(`[name="${CSS.escape(name)}"]`) ?? []) {
          if (field.type === 'checkbox' || field.type === 'radio') {
            if (field.value === value) field.checked = checked;
          } else field.value = value;
        }
      }
    });
  };
}

/** Earlier meetings whose drafted minutes wait for approval at this one. */
async function minutesAwaitingApproval(m) {
  const drafted = await apiGet('/api/meetings?status=minutes-drafted', { auth: true });
  return drafted.filter((other) => other.meetingId !== meetingId && other.startsAt < m.startsAt);
}

/** What the item forms list: only read when the meeting is open or has decisions, and only for roles that use it. */
async function loadViews(m) {
  const open = m.status === 'in-progress';
  const decided = m.decisions.length > 0;
  const loaded = { ready: [], tabled: new Map(), officers: views.officers, awaitingApproval: [] };
  if (!(open || decided) || !(isClerk || isChair)) return loaded;
  if (open && isChair) loaded.awaitingApproval = await minutesAwaitingApproval(m);
  const tabledAt = (item) =>
    apiGet(`/api/insight/meetings/${encodeURIComponent(meetingId)}/items/${encodeURIComponent(item.itemId)}/views`, {
      auth: true,
    }).then((answer) => [item.itemId, answer]);
  const [ready, ...perItem] = await Promise.all([
    isClerk && open ? apiGet('/api/views/ready-to-table', { auth: true }) : Promise.resolve([]),
    ...m.agenda.filter((i) => !i.withdrawn).map(tabledAt),
  ]);
  loaded.ready = ready;
  loaded.tabled = new Map(perItem);
  if (decided && loaded.officers.length === 0 && hasRole(session, 'chair', 'clerk')) {
    loaded.officers = await apiGet('/api/staff/officers', { auth: true });
  }
  return loaded;
}

/** An element with its properties (className, id, type, ariaLabel, dataset...) and children, in one call. */
function h(tag, { dataset = {}, ...props } = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset);
  node.append(...children.filter((child) => child !== undefined && child !== null && child !== false));
  return node;
}
const hintLine = (words) => h('p', { className: 'hint' }, words);
const optionsOf = (pairs) => pairs.map(([value, words]) => h('option', { value }, words));

/** A small button outside a form (agenda order, arrivals): its write, then what was done. */
const smallButton = (words, ariaLabel, keyNode, write, done) => {
  const button = h('button', { className: 'button secondary small', type: 'button', ariaLabel }, words);
  button.addEventListener('click', () => pageWrite(keyNode ?? button, write, done));
  return button;
};

function newForm(key, heading) {
  const box = h('div', { className: 'error-summary', id: nextId('errors'), tabIndex: -1, hidden: true });
  box.setAttribute('role', 'alert');
  const form = h('form', { noValidate: true }, box, heading && h('h3', {}, heading));
  form.dataset.key = key;
  return form;
}

const submitButton = (words, className = 'button', value = '') =>
  h('button', { className, type: 'submit', value }, words);

/** A labelled field: a text box, or `tag` 'textarea', or 'select' with `options` as { value: words }. */
function field(name, label, { tag = 'input', value = '', hint, options, multiline, ...props } = {}) {
  const input = h(tag, { id: nextId(name), name, ...(multiline ? { rows: 3 } : {}), ...props });
  for (const [v, words] of Object.entries(options ?? {})) input.append(h('option', { value: v }, words));
  if (tag !== 'select') input.value = value;
  const hintNode = hint && h('p', { className: 'hint', id: `${input.id}-hint` }, hint);
  if (hint) input.setAttribute('aria-describedby', hintNode.id);
  return h('div', { className: 'form-group' }, h('label', { htmlFor: input.id }, label), hintNode, input);
}
const textField = (name, label, options = {}) =>
  field(name, label, { ...options, tag: options.multiline ? 'textarea' : 'input' });
const select = (name, label, options) => field(name, label, { tag: 'select', options });

/** A fieldset of radios or checkboxes: `options` as { value: label }, or [value, label, extra node?] rows. */
function choices(name, legend, options, { type = 'radio', checked = [], hint } = {}) {
  const list = h('div', { className: 'choices' });
  for (const [value, label, extra] of Array.isArray(options) ? options : Object.entries(options)) {
    const input = h('input', { type, name, value, id: nextId(name), checked: checked.includes(value) });
    const className = extra ? 'choice view-choice' : 'choice';
    list.append(h('div', { className }, input, h('label', { htmlFor: input.id }, label), extra));
  }
  const hintNode = hint && h('p', { className: 'hint' }, hint);
  return h('div', { className: 'form-group' }, h('fieldset', {}, h('legend', {}, legend), hintNode, list));
}

const themeOptions = () => Object.fromEntries(board.themes.map((t) => [t.code, t.label ?? themeWords(t.code)]));
const chosenOrRefuse = (ids) => {
  if (ids.length === 0) throw new Error('Choose at least one view.');
  return ids;
};
const checkedValues = (form, name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);

function render() {
  const open = meeting.status === 'in-progress';
  byId('page-title').textContent = meeting.title;
  document.title = `${meeting.title} – Corporate Parenting Board`;
  const where = meeting.place ?? (meeting.onlineLink ? 'online' : 'place to be confirmed');
  byId('facts').textContent =
    `${formatDateTime(meeting.startsAt)}, ${where}. Status: ${meeting.status.replaceAll('-', ' ')}.`;
  const notice = meeting.notice;
  byId('notice-words').textContent = notice
    ? `Agenda published on ${formatDate(notice.publishedAt)} with ${notice.clearWorkingDays} clear working days’ notice${notice.onTime ? '' : ' (late, for urgency)'}.`
    : 'The agenda is not published yet.';
  const items = meeting.agenda.filter((i) => !i.withdrawn);
  renderAgenda(items);
  byId('add-item-section').hidden = !(isClerk && meeting.status === 'scheduled');
  byId('publish-section').hidden = !(isChair && meeting.status === 'scheduled');
  renderAttendance(open);
  renderItems(items, open);
  renderInterests(items, open);
  renderMinutes(open);
  const before = ['scheduled', 'agenda-published'].includes(meeting.status);
  byId('change-section').hidden = !((isClerk || isChair) && before);
  byId('cancel-form').hidden = !isClerk;
  byId('close-section').hidden = !(isChair && open);
}

/** The agenda, with the clerk's changes before publication; jump links to each item once it is under way. */
function renderAgenda(items) {
  const editing = isClerk && meeting.status === 'scheduled';
  byId('changes-col').hidden = !editing;
  const reorder = (index, to) => (send) => {
    const ids = items.map((i) => i.itemId);
    ids.splice(to, 0, ...ids.splice(index, 1));
    return send.post(`${base}/agenda-order`, { itemIds: ids }, 'PUT');
  };
  const rows = items.map((item, index) => {
    const button = (words, write) =>
      smallButton(
        words,
        `${words}: ${item.title}`,
        null,
        write,
        `${words === 'Withdraw' ? 'Withdrew' : 'Moved'} “${item.title}”.`,
      );
    const changes = editing && [
      index > 0 && button('Move up', reorder(index, index - 1)),
      index < items.length - 1 && button('Move down', reorder(index, index + 1)),
      button('Withdraw', (send) => send.post(`${base}/agenda-items/${encodeURIComponent(item.itemId)}/withdraw`, {})),
    ];
    return h(
      'tr',
      {},
      h('td', {}, String(index + 1)),
      h('th', { scope: 'row' }, item.title),
      h('td', {}, PURPOSE[item.purpose] ?? item.purpose),
      changes && h('td', { className: 'changes' }, ...changes),
    );
  });
  byId('agenda').replaceChildren(...rows);
  const jump = byId('jump');
  jump.hidden = !(meeting.status === 'in-progress' || meeting.decisions.length);
  const links = items.map((item, index) => {
    const link = h('a', { href: `#item-${index + 1}` }, `${index + 1}. ${item.title}`);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const heading = byId(`item-${index + 1}`)?.querySelector('h2');
      heading?.focus();
      heading?.scrollIntoView();
    });
    return h('li', {}, link);
  });
  jump.querySelector('ol').replaceChildren(...links);
}

/**
 * Attendance: before the meeting, the chair's form to open it (present, apologies, absent, or a
 * substitute standing in); once taken, who is here, the quorum count and Arrived / Left per person.
 */
function renderAttendance(open) {
  const a = meeting.attendance;
  const opening = isChair && meeting.status === 'agenda-published';
  const section = byId('attendance-section');
  section.hidden = !(opening || a.recorded);
  byId('open-form').hidden = !opening;
  const quorum = byId('quorum');
  const warning = byId('inquorate');
  warning.hidden = !(open && a.recorded && !a.quorate);
  if (opening) {
    quorum.textContent = `The board needs ${board.quorum ?? a.quorum} members present to make decisions.`;
    if (!byId('attendance-members').childElementCount) openingChoices();
  } else if (a.recorded) {
    quorum.textContent = `${quorumWords(a)}${a.quorate ? ' The meeting is quorate.' : ''}`;
  }
  if (!a.recorded) return byId('attendance-list').replaceChildren();
  const words = { present: 'present', apologies: 'sent apologies', absent: 'absent', substitute: 'present' };
  const lines = a.entries.map((entry) => {
    const li = h('li', { dataset: { key: `person-${entry.memberId}` } });
    const who = entry.name ?? memberName(entry.memberId);
    const standsIn = entry.substituteFor ? `, substitute for ${memberName(entry.substituteFor)}` : '';
    li.append(h('span', {}, `${who}${standsIn}: ${words[entry.status] ?? entry.status}`));
    if (!(open && (isClerk || isChair))) return li;
    const here = entry.status === 'present' || entry.status === 'substitute';
    const [button, path, did] = here ? ['Left', 'departures', 'left'] : ['Arrived', 'arrivals', 'arrived'];
    const write = (send) => send.post(`${base}/${path}`, { memberId: entry.memberId });
    const done = () => `${who} ${did}. ${quorumWords(meeting.attendance)}`;
    li.append(' ', smallButton(button, `${button}: ${who}`, li, write, done));
    return li;
  });
  byId('attendance-list').replaceChildren(...lines);
}

/** The open form: one group per serving member; a former member may stand in for one who cannot come. */
function openingChoices() {
  const stand = board.members.filter((m) => !m.serving && m.name);
  const options = { ...ATTENDANCE, ...(stand.length ? { substitute: 'Sends a substitute' } : {}) };
  for (const member of board.members.filter((m) => m.serving)) {
    const name = member.name ?? 'A member';
    const group = choices(`attendance-${member.memberId}`, name, options, { checked: ['present'] });
    group.dataset.memberId = member.memberId;
    if (stand.length) {
      // Revealed inside the member's group when "Sends a substitute" is chosen.
      const stands = Object.fromEntries(stand.map((m) => [m.memberId, m.name]));
      const who = select(`substitute-${member.memberId}`, `Who stands in for ${name}`, stands);
      who.hidden = true;
      group.addEventListener(
        'change',
        () => (who.hidden = group.querySelector('input:checked')?.value !== 'substitute'),
      );
      group.querySelector('fieldset').append(who);
    }
    byId('attendance-members').append(group);
  }
}

const attendanceBody = (form) => ({
  attendance: [...form.querySelectorAll('[data-member-id]')].flatMap((group) => {
    const memberId = group.dataset.memberId;
    const status = group.querySelector('input:checked')?.value ?? 'absent';
    if (status !== 'substitute') return [{ memberId, status }];
    // The member sends apologies; the one standing in for them is present as their substitute.
    const substitute = group.querySelector('select').value;
    return [
      { memberId, status: 'apologies' },
      { memberId: substitute, status: 'substitute', substituteFor: memberId },
    ];
  }),
});

/** Declarations of interest: listed once the meeting is open; the chair or clerk records them. */
function renderInterests(items, open) {
  const declarations = meeting.declarations ?? [];
  byId('interests-section').hidden = !(open || declarations.length);
  const titleOf = (itemId) => items.find((i) => i.itemId === itemId)?.title ?? 'an item';
  byId('interests-list').replaceChildren(
    ...(declarations.length
      ? declarations.map((d) => h('li', {}, `${d.name ?? 'A member'}, on “${titleOf(d.itemId)}”: ${d.nature}`))
      : [h('li', {}, 'None declared.')]),
  );
  const form = byId('interest-form');
  form.hidden = !(open && (isClerk || isChair));
  if (form.hidden) return;
  const fill = (node, pairs) => {
    const chosen = node.value;
    node.replaceChildren(...optionsOf(pairs));
    if (pairs.some(([value]) => value === chosen)) node.value = chosen;
  };
  const here = meeting.attendance.entries.filter((e) => e.status === 'present' || e.status === 'substitute');
  fill(
    form.elements.memberId,
    here.map((e) => [e.memberId, e.name ?? memberName(e.memberId)]),
  );
  fill(
    form.elements.itemId,
    items.map((i) => [i.itemId, i.title]),
  );
}

/** The minutes' path: drafted by the clerk after the meeting, approved at a later one, then published. */
function renderMinutes(open) {
  const status = meeting.status;
  const after = ['closed', 'adjourned', 'minutes-drafted', 'minutes-approved', 'minutes-published'];
  byId('minutes-section').hidden = !after.includes(status);
  const words = {
    'minutes-drafted': 'Drafted, waiting for approval at a later meeting.',
    'minutes-approved': 'Approved as a correct record; ready to publish.',
    'minutes-published': `Published on ${formatDate(meeting.minutes?.publishedAt)}.`,
  };
  byId('minutes-state').textContent = words[status] ?? 'Taken at the meeting; not yet drafted for approval.';
  byId('draft-form').hidden = !(isClerk && ['closed', 'adjourned'].includes(status));
  byId('publish-minutes-form').hidden = !((isClerk || isChair) && status === 'minutes-approved');
  // At an open meeting, the chair approves earlier minutes waiting for it.
  const approve = byId('approve-section');
  approve.hidden = !(isChair && open && views.awaitingApproval.length);
  const forms = approve.hidden
    ? []
    : views.awaitingApproval.map((earlier) => {
        const form = newForm(`approve-${earlier.meetingId}`);
        form.append(submitButton(`Approve the minutes of “${earlier.title}” (${formatDate(earlier.startsAt)})`));
        onSubmit(form, (send) => send.post(`${base}/approve-minutes-of/${encodeURIComponent(earlier.meetingId)}`, {}), {
          doneWords: `Minutes of “${earlier.title}” approved as a correct record.`,
        });
        return form;
      });
  byId('approve-list').replaceChildren(...forms);
}

function renderItems(items, open) {
  const container = byId('items');
  container.replaceChildren();
  if (!open && meeting.decisions.length === 0) return;
  const quorate = meeting.attendance.quorate !== false;
  items.forEach((item, index) => {
    const heading = h('h2', { id: nextId('item-title'), tabIndex: -1 }, `Item ${index + 1}: ${item.title}`);
    const minutes = item.minutes && h('p', {}, `Minutes: ${item.minutes.text}`);
    const key = `item-${item.itemId}`;
    const section = h('section', { className: 'entry', id: `item-${index + 1}`, dataset: { key } }, heading, minutes);
    section.setAttribute('aria-labelledby', heading.id);
    const decided = meeting.decisions.filter((d) => d.itemId === item.itemId);
    for (const decision of decided) {
      section.append(
        h('p', {}, `${decision.reference} (${KINDS[decision.kind] ?? decision.kind}): ${decision.resolution}`),
      );
      if (hasRole(session, 'chair', 'clerk'))
        section.append(
          fold(`Give an action on ${decision.reference}`, () => actionForm(decision), `action-${decision.decisionId}`),
        );
    }
    if (open && isClerk) {
      // Folded like the picker, so thirty items' forms do not make the page thirty forms long.
      const words = item.minutes ? `Change the minutes for “${item.title}”` : `Write the minutes for “${item.title}”`;
      section.append(fold(words, () => minutesForm(item), `minutes-fold-${item.itemId}`));
      section.append(viewPicker(item), ...consideredForm(item));
    }
    if (isClerk && decided.length) section.append(feedbackForm(item, decided));
    if (open && isChair) {
      if (quorate) {
        // Folded until the chair opens it (the jump links lead to it), so the page stays short.
        const decide = fold(`Record a decision on “${item.title}”`, () => decisionForm(item));
        // Kept open across redraws by this (see keepOpenWork); not a data-key, which focus would look for.
        decide.dataset.work = `decide-${item.itemId}`;
        section.append(decide);
      } else {
        const why = 'No decision can be recorded here until the meeting is quorate again: record arrivals under ';
        const link = h('a', { href: '#attendance-title' }, 'Attendance and quorum');
        section.append(h('p', { className: 'hint' }, why, link, '.'));
      }
    }
    container.append(section);
  });
}

/** A disclosure whose form is drawn when first opened (most stay closed: the page stays light). */
function fold(summaryWords, draw, key, className = 'decision-fold') {
  const details = h('details', { className, dataset: key ? { key } : {} }, h('summary', {}, summaryWords));
  const fill = () => {
    if (details.open && details.childElementCount === 1) details.append(draw());
  };
  details.addEventListener('toggle', fill);
  queueMicrotask(fill);
  return details;
}

function minutesForm(item) {
  const form = newForm(`minutes-${item.itemId}`, 'Minutes');
  form.append(
    textField('text', `Minutes for “${item.title}”`, { multiline: true, value: item.minutes?.text ?? '' }),
    submitButton('Save the minutes'),
  );
  onSubmit(form, (send) => send.post(`${base}/minutes`, { itemId: item.itemId, text: form.elements.text.value }), {
    messages: { text: 'Write the minutes' },
    doneWords: `Minutes saved for “${item.title}”.`,
  });
  return form;
}

const viewLabel = (view) => {
  const themes = view.themes?.length ? ` about ${view.themes.map(themeWords).join(', ')}` : '';
  return `${view.reference ?? 'A view'}${themes}`;
};
const waitingDays = (view) => Math.max(0, Math.floor((Date.now() - Date.parse(view.submittedAt)) / 86_400_000));

function viewWords(view) {
  if (view.words) return h('blockquote', { className: 'view-words' }, view.words);
  // What the young person was told the board reads, in the same words: a summary, never their words.
  const written = `A summary written by the moderator. ${SHARING_EXPLAINED['summary-only'].board}`;
  if (view.summary) return h('div', { className: 'view-words' }, hintLine(written), h('blockquote', {}, view.summary));
  if (view.needsSummary)
    return hintLine(
      'Shared “A summary only”, with no summary written yet: it can be tabled once the moderator writes one.',
    );
  return hintLine(view.note ?? 'Shared “A summary only”: the board reads a summary, not the words.');
}

/**
 * The clerk's one picker per item: the accepted views waiting to be tabled, about the item's themes
 * unless asked for all, searchable, the longest waiting first unless asked otherwise. Drawn when opened.
 */
function viewPicker(item) {
  const about = (view) => view.themes.some((t) => item.themes.includes(t));
  const matching = views.ready.filter(about).length;
  const words = `Table views at this item (${views.ready.length} waiting, ${matching} about its themes)`;
  return fold(words, () => pickerForm(item, about), `picker-${item.itemId}`, 'view-picker');
}

function pickerForm(item, about) {
  const form = newForm(`table-${item.itemId}`);
  if (!views.ready.length) {
    form.append(h('p', {}, 'No accepted views are waiting to be tabled.'));
    return form;
  }
  const search = textField('search', 'Search the views’ words and references', { type: 'search' });
  const shows = { themes: 'Views about this item’s themes', all: 'All waiting views' };
  const scope = choices('scope', 'Show', shows, { checked: [item.themes.length ? 'themes' : 'all'] });
  const order = select('order', 'Order', { oldest: 'Waiting longest first', newest: 'Newest first' });
  const list = h('div');
  const count = h('p', { className: 'hint', role: 'status' });
  // The views chosen so far, kept while a search or the scope hides some of them.
  const picked = new Set();
  const draw = () => {
    const words = form.elements.search.value.trim().toLowerCase();
    const all = checkedValues(form, 'scope')[0] === 'all';
    const shown = views.ready
      .filter((v) => all || about(v))
      .filter(
        (v) =>
          !words ||
          [v.reference, v.words, v.summary, ...v.themes.map(themeWords)].join(' ').toLowerCase().includes(words),
      )
      .sort((a, b) => (form.elements.order.value === 'newest' ? -1 : 1) * a.submittedAt.localeCompare(b.submittedAt));
    const options = shown.map((v) => {
      const waited = waitingDays(v);
      const label = `${viewLabel(v)}, waiting ${waited} day${waited === 1 ? '' : 's'}`;
      return [v.contributionId, label, viewWords(v)];
    });
    const group = choices('ready', 'Views to table here', options, { type: 'checkbox', checked: [...picked] });
    // A "summary only" view waiting for its summary cannot be tabled yet (the API would refuse it).
    for (const input of group.querySelectorAll('input'))
      input.disabled = views.ready.find((v) => v.contributionId === input.value)?.needsSummary === true;
    list.replaceChildren(group);
    count.textContent = `${shown.length} of ${views.ready.length} waiting views shown.`;
  };
  form.addEventListener('input', ({ target }) => {
    if (target.name === 'ready') picked[target.checked ? 'add' : 'delete'](target.value);
    else draw();
  });
  form.append(search, scope, order, count, list, submitButton('Table these views'));
  draw();
  const path = `${base}/agenda-items/${encodeURIComponent(item.itemId)}/views`;
  onSubmit(form, (send) => send.post(path, { contributionIds: chosenOrRefuse([...picked]) }), {
    doneWords: `Tabled the view(s) at “${item.title}”.`,
  });
  return form;
}

const tabledHere = (item) => views.tabled.get(item.itemId) ?? { views: [], withheld: 0 };
const citable = (item) => tabledHere(item).views.filter((v) => v.availability === 'available');

/** The views tabled at the item, to mark as considered by the board. */
function consideredForm(item) {
  const nodes = [];
  if (citable(item).length) {
    const form = newForm(`considered-${item.itemId}`, 'Views tabled here');
    const options = citable(item).map((v) => [v.contributionId, viewLabel(v)]);
    form.append(
      choices('considered', 'Mark as considered by the board', options, {
        type: 'checkbox',
        checked: options.map(([id]) => id),
      }),
      submitButton('Mark them considered', 'button secondary'),
    );
    const path = `${base}/agenda-items/${encodeURIComponent(item.itemId)}/views/considered`;
    onSubmit(form, (send) => send.post(path, { contributionIds: chosenOrRefuse(checkedValues(form, 'considered')) }), {
      doneWords: `Marked the view(s) considered at “${item.title}”.`,
    });
    nodes.push(form);
  }
  const withheld = tabledHere(item).withheld;
  if (withheld) nodes.push(hintLine(`${withheld} view(s) tabled here are now withheld for safeguarding.`));
  return nodes;
}

/**
 * The chair's decision, in two steps (GOV.UK "check your answers"): the form, then a summary of what
 * will be recorded with a Change link per answer, then "Record the decision". A decision is never edited.
 */
function decisionForm(item) {
  // Once recorded, the decision shows under the item's heading: focus goes back there.
  const form = newForm('');
  form.dataset.work = `decision-${item.itemId}`;
  const reached = { consensus: 'By consensus', vote: 'By a vote' };
  const votes = h(
    'div',
    { className: 'votes', hidden: true },
    ...Object.entries({ for: 'Votes for', against: 'Votes against', abstain: 'Abstentions' }).map(([name, words]) =>
      textField(name, words, { inputMode: 'numeric' }),
    ),
  );
  // The picker: the views tabled at this item; each one cited gets its influence and a rationale.
  const { withheld } = tabledHere(item);
  const chosen = h(
    'ul',
    { className: 'picked' },
    ...citable(item).map(citationRow),
    ...tabledHere(item)
      .views.filter((v) => v.availability !== 'available')
      .map((view) => h('li', { className: 'hint' }, `${view.reference ?? 'A view'}: ${view.note}`)),
    withheld > 0 && h('li', { className: 'hint' }, `${withheld} view(s) withheld for safeguarding (not shown).`),
  );
  const picker = h(
    'fieldset',
    { className: 'picker' },
    h('legend', {}, 'Children’s views this decision cites'),
    citable(item).length === 0 && h('p', {}, 'No views are tabled at this item.'),
    chosen,
    textField('noneApplied', 'Or: why no children’s views applied', { multiline: true }),
  );
  const fields = h(
    'div',
    {},
    textField('resolution', 'Resolution', { multiline: true }),
    select('kind', 'Kind of decision', KINDS),
    textField('reasons', 'Reasons', { multiline: true }),
    choices('reached', 'How it was reached', reached, { checked: ['consensus'] }),
    votes,
    choices('themes', 'Themes', themeOptions(), { type: 'checkbox', checked: item.themes }),
    picker,
    submitButton('Continue', 'button', 'check'),
  );
  form.addEventListener('change', () => {
    votes.hidden = form.querySelector('input[name="reached"]:checked')?.value !== 'vote';
  });

  const check = h('div', { className: 'check-answers', hidden: true });
  const showFields = () => {
    check.hidden = true;
    fields.hidden = false;
  };
  const body = () => {
    const method = form.querySelector('input[name="reached"]:checked')?.value ?? 'consensus';
    const number = (name) => (form.elements[name].value.trim() === '' ? undefined : Number(form.elements[name].value));
    const citations = [...chosen.querySelectorAll('li.citation')]
      .filter((li) => li.querySelector('input[name="cite"]').checked)
      .map((li) => ({
        contributionId: li.dataset.contributionId,
        influence: li.querySelector('input[type=radio]:checked')?.value,
        rationale: li.querySelector('textarea').value,
      }));
    const noneApplied = form.elements.noneApplied.value.trim();
    return {
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
  };
  const checkAnswers = () => {
    const { reached: r, voiceEvidence: evidence, ...b } = body();
    const reference = (id) => citable(item).find((v) => v.contributionId === id)?.reference ?? 'A view';
    const vote = `By a vote: ${r.for ?? 0} for, ${r.against ?? 0} against, ${r.abstain ?? 0} abstaining`;
    const rows = [
      ['Resolution', b.resolution || 'Not given', 'resolution'],
      ['Kind of decision', KINDS[b.kind], 'kind'],
      ['Reasons', b.reasons || 'Not given', 'reasons'],
      ['How it was reached', r.method === 'vote' ? vote : 'By consensus', 'reached'],
      ['Themes', b.themes.map(themeWords).join(', ') || 'None', 'themes'],
      ...(evidence.contributions ?? []).map((c) => [
        `What ${reference(c.contributionId)} did`,
        `${INFLUENCE[c.influence] ?? 'Not said'}. ${c.rationale}`,
        `cite-${c.contributionId}`,
      ]),
      evidence.noneApplied && ['Why no children’s views applied', evidence.noneApplied.reason, 'noneApplied'],
      !evidence.noneApplied &&
        !evidence.contributions && ['Children’s views', 'None cited, and no reason given', 'noneApplied'],
    ];
    const list = h('dl', { className: 'summary-list' });
    for (const [key, value, name] of rows.filter(Boolean)) {
      const hidden = h('span', { className: 'visually-hidden' }, ` ${key.toLowerCase()}`);
      const change = h('a', { href: '#' }, 'Change', hidden);
      change.addEventListener('click', (event) => {
        event.preventDefault();
        showFields();
        form.querySelector(`[name="${name}"], [value="${name.slice(5)}"]`)?.focus();
      });
      const actions = h('dd', { className: 'summary-list__actions' }, change);
      list.append(h('div', { className: 'summary-list__row' }, h('dt', {}, key), h('dd', {}, value), actions));
    }
    const heading = h('h3', { tabIndex: -1 }, 'Check your answers before recording the decision');
    const record = submitButton('Record the decision', 'button', 'record');
    check.replaceChildren(
      heading,
      list,
      h('p', {}, 'A decision cannot be edited once recorded: only amended or superseded by a later one.'),
      record,
    );
    fields.hidden = true;
    check.hidden = false;
    heading.focus();
  };
  form.append(fields, check);
  onSubmit(
    form,
    (send, submitter) => {
      if (submitter?.value !== 'record') {
        checkAnswers();
        return false;
      }
      return send.post(`${base}/agenda-items/${encodeURIComponent(item.itemId)}/decisions`, body());
    },
    {
      messages: {
        resolution: 'Write the resolution',
        reasons: 'Give the reasons',
        reached: 'Say how the decision was reached',
        voiceEvidence: 'Cite the children’s views that applied (with influence and rationale), or say why none applied',
      },
      // Refused: back to the answers, with what to put right.
      onError: showFields,
      doneWords: () =>
        `Decision ${meeting.decisions.filter((d) => d.itemId === item.itemId).at(-1)?.reference} recorded for “${item.title}”.`,
    },
  );
  return form;
}

/** One tabled view in the picker: cite it, then say what it did and why. */
function citationRow(view) {
  const reference = view.reference ?? 'this view';
  const option = [view.contributionId, `Cite ${viewLabel(view)}`, viewWords(view)];
  const cite = choices('cite', '', [option], { type: 'checkbox' }).querySelector('.choice');
  const details = h(
    'div',
    { className: 'citation-details', hidden: true },
    choices(`influence-${view.contributionId}`, `What did ${reference} do?`, INFLUENCE),
    textField('rationale', `Why (for ${reference}), in plain words a young person can read`, { multiline: true }),
  );
  cite.querySelector('input').addEventListener('change', (event) => (details.hidden = !event.target.checked));
  return h('li', { className: 'citation', dataset: { contributionId: view.contributionId } }, cite, details);
}

/** The chair or clerk gives an action on a decision to a board member or an officer. */
function actionForm(decision) {
  const form = newForm(`give-${decision.decisionId}`);
  const owner = select('owner', 'Who does it', {});
  const node = owner.querySelector('select');
  const officers = views.officers.map((o) => [`officer:${o.userId}`, o.displayName]);
  const members = board.members.filter((m) => m.serving).map((m) => [`member:${m.memberId}`, m.name ?? 'A member']);
  node.append(
    h('optgroup', { label: 'Officers (they can report progress themselves)' }, ...optionsOf(officers)),
    h('optgroup', { label: 'Board members' }, ...optionsOf(members)),
    h('option', { value: 'named' }, 'Another officer, named below'),
  );
  form.append(
    textField('description', 'What must be done', { multiline: true }),
    owner,
    textField('officerName', 'The officer’s name or post (for another officer)'),
    textField('dueOn', 'Due by', { type: 'date' }),
    submitButton('Give the action'),
  );
  onSubmit(
    form,
    (send) => {
      const [kind, id] = node.value.split(/:(.*)/s);
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
        dueOn: form.elements.dueOn.value,
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

/** The clerk answers the young people whose views were tabled here ("you said, we did"). */
function feedbackForm(item, decided) {
  const form = newForm(`feedback-${item.itemId}`, 'Answer the young people');
  if (citable(item).length === 0) {
    form.append(h('p', {}, 'No views were tabled at this item, so there is no one to answer here.'));
    return form;
  }
  const options = citable(item).map((v) => [v.contributionId, viewLabel(v), viewWords(v)]);
  form.append(
    choices('contributionIds', 'The views this answers', options, {
      type: 'checkbox',
      checked: options.map(([id]) => id),
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
  const advice = h('p', { className: 'hint', role: 'status' });
  const button = submitButton('Send the answer');
  form.append(why, button, advice);
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

document.addEventListener('DOMContentLoaded', async () => {
  session = requireSession();
  isClerk = hasRole(session, 'clerk', 'admin');
  isChair = hasRole(session, 'chair');
  try {
    [board, meeting] = await Promise.all([apiGet('/api/board', { auth: true }), apiGet(base, { auth: true })]);
    views = await loadViews(meeting);
  } catch (error) {
    showErrors(document.createElement('form'), byId('error-summary'), error, {
      fallback: 'We could not load this meeting.',
    });
    return;
  }
  byId('item-themes').append(choices('themes', 'Themes', themeOptions(), { type: 'checkbox' }));
  render();

  // The page's own forms: each one's path, its body, what was done, and the words for its fields' errors.
  const fields = (f, ...names) => Object.fromEntries(names.map((name) => [name, f.elements[name].value]));
  const ifGiven = (f, name) => (f.elements[name].value.trim() ? { [name]: f.elements[name].value.trim() } : {});
  const none = () => ({});
  const writes = {
    'add-item-form': [
      'agenda-items',
      (f) => ({ ...fields(f, 'title', 'purpose', 'lead'), themes: checkedValues(f, 'themes') }),
      'Item added to the agenda.',
      { title: 'Give the item a title', lead: 'Say who leads the item' },
    ],
    'publish-form': ['publish-agenda', (f) => ifGiven(f, 'urgencyReason'), 'Agenda published.'],
    'open-form': ['open', attendanceBody, () => `The meeting is open: ${quorumWords(meeting.attendance)}`],
    'interest-form': [
      'interests',
      (f) => fields(f, 'memberId', 'itemId', 'nature'),
      'Declaration recorded.',
      { nature: 'Say what the interest is', memberId: 'Choose the member' },
    ],
    'reschedule-form': [
      'reschedule',
      (f) => ({ startsAt: londonTimeToUtc(f.elements.startsAt.value), ...ifGiven(f, 'place') }),
      'The meeting has moved.',
      { startsAt: 'Give the new date and start time' },
    ],
    'cancel-form': [
      'cancel',
      (f) => fields(f, 'reason'),
      'The meeting is cancelled.',
      { reason: 'Say why the meeting is cancelled' },
    ],
    'draft-form': ['minutes/draft', none, 'Minutes drafted: the chair approves them at the next meeting.'],
    'publish-minutes-form': ['minutes/publish', none, 'Minutes published.'],
    'close-form': ['close', none, 'The meeting is closed.'],
  };
  for (const [id, [path, body, doneWords, messages]] of Object.entries(writes)) {
    const f = byId(id);
    // Once sent, a form is emptied for the next time (an item added, a declaration recorded).
    const write = (send) => send.post(`${base}/${path}`, body(f)).then(() => f.reset());
    onSubmit(f, write, { doneWords, messages });
  }
});
