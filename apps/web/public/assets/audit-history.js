/* global document, location */
// Shared by the auditor's decision and meeting pages: the history as a timeline in plain words, and an
// "as at" form whose date and time go to the API only (never into this page's URL).
import { ApiError, apiGet, clearErrors, showErrors } from './api.js';
import { element, formatDateTime, londonInstant, reveal, showNotForRole } from './page.js';
import { requireSession } from './session.js';

// An auditor's timeline and "as at" go to the second.
const when = (iso) => formatDateTime(iso, { seconds: true });

const PLAIN = {
  DecisionRecorded: 'The decision was recorded',
  DecisionAmended: 'The decision was amended by a later decision',
  DecisionSuperseded: 'The decision was replaced by a later decision',
  MeetingScheduled: 'The meeting was scheduled',
  MeetingRescheduled: 'The meeting was moved',
  MeetingCancelled: 'The meeting was cancelled',
  AgendaItemAdded: 'An item was added to the agenda',
  AgendaItemWithdrawn: 'An item was taken off the agenda',
  AgendaReordered: 'The agenda was put in a new order',
  AgendaPublished: 'The agenda was published',
  MeetingOpened: 'The meeting opened, with attendance taken',
  InterestDeclared: 'A member declared an interest',
  MinutesRecorded: 'Minutes were written for an item',
  MeetingClosed: 'The meeting closed',
  MeetingAdjourned: 'The meeting was adjourned',
  MinutesDrafted: 'The draft minutes were prepared',
  MinutesApproved: 'The minutes were approved',
  MinutesPublished: 'The minutes were published',
};

/** 'DecisionRecorded' -> its plain words; an unknown type is spelt out ('Something Happened'). */
export function plainWords(type) {
  return PLAIN[type] ?? type.replace(/([a-z])([A-Z])/g, '$1 $2');
}

function who(actor) {
  if (!actor) return 'unknown';
  if (actor.role === 'young-person') return 'the young person';
  return actor.name ? `${actor.name} (${actor.role})` : `someone whose name is not kept (${actor.role})`;
}

function fact(list, term, value) {
  const group = element('div');
  group.append(element('dt', null, term), element('dd', null, value));
  list.append(group);
}

/** The history as an ordered list: each event's time, what happened, who, on whose behalf, and its ids. */
export function showTimeline(history) {
  const list = document.getElementById('timeline');
  list.replaceChildren();
  for (const event of history.events) {
    const item = element('li', 'audit-event');
    const time = element('time', null, when(event.recordedAt));
    time.dateTime = event.recordedAt;
    item.append(time, element('h3', 'event-title', plainWords(event.type)));
    const facts = element('dl', 'facts');
    fact(facts, 'Who', who(event.actor));
    if (event.onBehalfOf) fact(facts, 'On behalf of', who(event.onBehalfOf));
    if (event.at && event.at !== event.recordedAt) fact(facts, 'Took effect', when(event.at));
    fact(facts, 'Event', `${event.type} (revision ${event.revision}, log position ${event.position})`);
    fact(facts, 'Command id', event.commandId);
    fact(facts, 'Correlation id', event.correlationId);
    item.append(facts);
    list.append(item);
  }
  const count = history.events.length;
  document.getElementById('history-status').textContent = `${count} ${count === 1 ? 'event' : 'events'}.`;
}

/**
 * Runs a history page: loads the history and the record now, and the "as at" form.
 * `kind` is 'decision' or 'meeting'; `showThen(answer, factsList)` draws the record as it stood.
 */
export function startHistoryPage(kind, showThen) {
  document.addEventListener('DOMContentLoaded', async () => {
    requireSession();
    const match = new RegExp(`^/audit/${kind}s/([^/]+)$`).exec(location.pathname);
    const id = match ? decodeURIComponent(match[1]) : '';
    document.getElementById('record-id').textContent = id;
    const form = document.getElementById('as-at-form');
    const summary = document.getElementById('error-summary');
    const base = `/api/audit/${kind}s/${encodeURIComponent(id)}`;

    const problem = (error) =>
      error.status === 404
        ? `There is no ${kind} with this id on your board, or it did not exist yet at that moment.`
        : undefined;

    async function loadThen(asAt) {
      clearErrors(form, summary);
      try {
        const answer = await apiGet(asAt ? `${base}?asAt=${encodeURIComponent(asAt)}` : base, { auth: true });
        const section = document.getElementById('then');
        document.getElementById('then-title').textContent = asAt ? `As it stood at ${when(asAt)}` : 'As it stands now';
        const facts = document.getElementById('then-facts');
        facts.replaceChildren();
        fact(facts, 'Events up to then', `${answer.asOf.events}, the last at ${when(answer.asOf.recordedAt)}`);
        showThen(answer, facts, (term, value) => fact(facts, term, value));
        return section;
      } catch (error) {
        if (error.status === 403) return showNotForRole();
        showErrors(form, summary, error, {
          messages: { asAt: 'Enter a real date and time' },
          fallback: problem(error) ?? 'We could not load it. Try again.',
        });
        return null;
      }
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const date = form.elements.asAtDate.value;
      const time = form.elements.asAtTime.value || '23:59:59';
      if (!date) {
        // The API needs an instant: say so here, the same way as the API's own errors.
        showErrors(form, summary, new ApiError(400, { errors: [{ field: 'asAtDate' }] }), {
          messages: { asAtDate: 'Enter the date to travel back to' },
        });
        return;
      }
      const section = await loadThen(londonInstant(date, time));
      if (section) reveal(section);
    });
    document.getElementById('show-now').addEventListener('click', async () => {
      const section = await loadThen(undefined);
      if (section) reveal(section);
    });

    try {
      showTimeline(await apiGet(`${base}/history`, { auth: true }));
    } catch (error) {
      document.getElementById('history-status').textContent = '';
      if (error.status === 403) return showNotForRole();
      showErrors(form, summary, error, { fallback: problem(error) ?? 'We could not load the history. Try again.' });
      return;
    }
    const section = await loadThen(undefined);
    if (section) section.hidden = false;
  });
}
