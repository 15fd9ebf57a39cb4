/* global document */
// The access log for auditors and admins: who read young people's words (and every audit read), when
// and why, newest first, by view, member of staff and period. The API records each reading of the log.
// Filters are ids and dates only; the form is sent only by this script (it is disabled without it).
import { ApiError, apiGet, clearErrors, showErrors } from './api.js';
import { element, formatDateTime, showNotForRole } from './page.js';
import { requireSession } from './session.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const PAGE_SIZE = 50;

const WHAT = {
  contribution: 'View',
  decision: 'Decision',
  meeting: 'Meeting',
  board: 'The board',
  staff: 'Reads by staff member',
  'access-log': 'The access log',
  'event-log': 'The event log',
};

let filter = {};
let page = 1;

const when = (iso) => formatDateTime(iso, { seconds: true });

function filterButton(text, label, apply) {
  const button = element('button', 'button small secondary', text);
  button.type = 'button';
  // The accessible name starts with the words on the button (WCAG 2.5.3), then says whose or which.
  button.setAttribute('aria-label', `${text}: ${label}`);
  button.addEventListener('click', apply);
  return button;
}

function row(entry) {
  const tr = element('tr');
  const who = element('td');
  const name = entry.staff.name ?? entry.staff.userId;
  who.append(element('span', null, name), ' ');
  who.append(
    filterButton('Only this person', `show only reads by ${name}`, () => {
      document.getElementById('staff-id').value = entry.staff.userId;
      show();
    }),
  );
  const what = element('td');
  what.append(element('span', null, WHAT[entry.subject.type] ?? entry.subject.type), ' ');
  what.append(element('span', 'ids', entry.subject.id));
  if (entry.subject.type === 'contribution') {
    what.append(
      ' ',
      filterButton('Only this view', `show only reads of view ${entry.subject.id}`, () => {
        document.getElementById('view-id').value = entry.subject.id;
        show();
      }),
    );
  }
  tr.append(
    element('td', null, when(entry.at)),
    who,
    element('td', null, entry.staff.role),
    what,
    element('td', null, entry.purpose),
    element('td', 'ids', entry.route ?? 'not recorded'),
  );
  return tr;
}

function readFilter(form, summary) {
  const values = {
    viewId: form.elements.viewId.value.trim(),
    staffId: form.elements.staffId.value.trim(),
    from: form.elements.from.value,
    to: form.elements.to.value,
  };
  const errors = [];
  if (values.viewId && !ID.test(values.viewId)) errors.push({ field: 'viewId' });
  if (values.staffId && !ID.test(values.staffId)) errors.push({ field: 'staffId' });
  if (values.from && values.to && values.to < values.from) errors.push({ field: 'to' });
  if (errors.length) {
    showErrors(form, summary, new ApiError(400, { errors }), { messages: MESSAGES });
    return null;
  }
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value));
}

const MESSAGES = {
  viewId: 'Enter the view’s id: letters, numbers and hyphens only',
  staffId: 'Enter the member of staff’s id: letters, numbers and hyphens only',
  from: 'Enter the first date as a real date',
  to: 'Enter a last date that is not before the first',
};

/** Reads the form's filter, then shows its first page. */
function show() {
  const form = document.getElementById('filter-form');
  const summary = document.getElementById('error-summary');
  clearErrors(form, summary);
  const read = readFilter(form, summary);
  if (!read) return;
  filter = read;
  load(1);
}

/** Shows one page of the filter last shown. */
async function load(wanted) {
  const form = document.getElementById('filter-form');
  const summary = document.getElementById('error-summary');
  clearErrors(form, summary);
  page = wanted;
  const query = new URLSearchParams({ ...filter, page: String(page), pageSize: String(PAGE_SIZE) });
  const count = document.getElementById('count');
  count.textContent = 'Loading…';
  try {
    const answer = await apiGet(`/api/audit/access-log?${query}`, { auth: true });
    const table = document.getElementById('entries');
    table.tBodies[0].replaceChildren(...answer.entries.map(row));
    table.hidden = answer.entries.length === 0;
    const pages = Math.max(1, Math.ceil(answer.total / answer.pageSize));
    count.textContent =
      answer.total === 0
        ? 'No reads match.'
        : `${answer.total} read${answer.total === 1 ? '' : 's'} recorded. Page ${answer.page} of ${pages}.`;
    document.getElementById('newer').hidden = answer.page <= 1;
    document.getElementById('older').hidden = answer.page >= pages;
  } catch (error) {
    count.textContent = '';
    if (error instanceof ApiError && error.status === 403) return showNotForRole();
    showErrors(form, summary, error, { messages: MESSAGES, fallback: 'We could not load the access log. Try again.' });
  }
}

document.addEventListener('DOMContentLoaded', () => {
  requireSession();
  const form = document.getElementById('filter-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  document.getElementById('clear').addEventListener('click', () => {
    form.reset();
    show();
  });
  document.getElementById('newer').addEventListener('click', () => load(page - 1));
  document.getElementById('older').addEventListener('click', () => load(page + 1));
  for (const id of ['show', 'clear']) document.getElementById(id).disabled = false;
  show();
});
