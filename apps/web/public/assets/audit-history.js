/* global document, location */
// Shared by the auditor's decision and meeting pages: the history as a timeline in plain words, and an
// "as at" form whose date and time go to the API only (never into this page's URL).
import { ApiError, apiGet, clearErrors, showErrors } from './api.js';
import { element, formatDateTime, londonInstant, reveal, showNotForRole } from './page.js';
import { requireSession } from './session.js';

// An auditor's timeline and "as at" go to the second.
const when = (iso) => formatDateTime(iso, { seconds: true });

const PURPOSE = { decision: 'for decision', discussion: 'for discussion', information: 'for information' };
const why = (reason) => (reason ? `: ${reason}` : '');
const present = (d) => `${d.presentCount} present, ${d.quorate ? 'quorate' : 'not quorate'}`;

// What each event said, in plain words, from its data as recorded (board events carry no young
// person's words; minutes' text is not repeated here). `c` names the members, items and decisions
// the events hold only ids of.
const SAID = {
  DecisionRecorded: (d, c) =>
    `${c.decision(d.decisionId, 'the decision')} recorded at ${c.item(d.itemId)}: ${d.resolution}`,
  DecisionAmended: (d, c) => `Amended by ${c.decision(d.byDecisionId, 'a later decision')}: ${d.changes}`,
  DecisionSuperseded: (d, c) => `Replaced by ${c.decision(d.byDecisionId, 'a later decision')}${why(d.reason)}`,
  MeetingScheduled: (d) => `Meeting scheduled: ${d.title}, ${formatDateTime(d.startsAt)}, quorum ${d.quorum}`,
  MeetingRescheduled: (d) => `Meeting moved to ${formatDateTime(d.startsAt)}${why(d.reason)}`,
  MeetingCancelled: (d) => `Meeting cancelled${why(d.reason)}`,
  AgendaItemAdded: (d) =>
    `Agenda item added: ${d.title} (${PURPOSE[d.purpose] ?? d.purpose})${d.urgencyReason ? ', after the agenda was published' : ''}`,
  AgendaItemWithdrawn: (d, c) => `Agenda item withdrawn: ${c.item(d.itemId)}${why(d.reason)}`,
  AgendaReordered: () => 'Agenda put in a new order',
  AgendaPublished: (d) =>
    `Agenda published: ${d.clearWorkingDays} clear working days’ notice (${d.requiredClearWorkingDays} needed)`,
  MeetingOpened: (d) =>
    `Meeting opened: ${d.presentCount} present, quorum ${d.quorum}${d.quorate ? '' : ', not quorate'}`,
  InterestDeclared: (d, c) => `${c.name(d.memberId)} declared an interest in ${c.item(d.itemId)}`,
  MemberLeft: (d, c) => `${c.name(d.memberId)} left: ${present(d)}`,
  MemberArrived: (d, c) =>
    `${c.name(d.memberId)} arrived${d.status === 'substitute' ? ' as a substitute' : ''}: ${present(d)}`,
  MinutesRecorded: (d, c) => `Minutes recorded for ${c.item(d.itemId)}`,
  MeetingClosed: () => 'Meeting closed',
  MeetingAdjourned: (d) => `Meeting adjourned${why(d.reason)}`,
  MinutesDrafted: () => 'Draft minutes prepared',
  MinutesApproved: (d, c) => `Minutes approved by ${c.decision(d.decisionId, 'a decision')}`,
  MinutesPublished: () => 'Minutes published',
};

/** An event in plain words; an unknown type is spelt out ('Something Happened'). */
export function plainWords(event, c) {
  const words = SAID[event.type]?.(event.data ?? {}, c) ?? event.type.replace(/([a-z])([A-Z])/g, '$1 $2');
  return words[0].toUpperCase() + words.slice(1);
}

/**
 * The names and item titles the events hold only ids of, from the meeting's page (GET /api/meetings/:id)
 * and its agenda as added, and every decision's short reference (D-0003) from the register, those of
 * other meetings (a later amendment) too; ids it does not know get plain stand-ins.
 */
export async function namesFor(meetingId, events) {
  const names = new Map();
  const items = new Map(events.filter((e) => e.type === 'AgendaItemAdded').map((e) => [e.data.itemId, e.data.title]));
  // Either may fail alone: the history stands without them.
  const [meeting, register] = await Promise.all([
    apiGet(`/api/meetings/${encodeURIComponent(meetingId)}`, { auth: true }).catch(() => undefined),
    apiGet('/api/decisions', { auth: true }).catch(() => []),
  ]);
  const refs = new Map(register.map((d) => [d.decisionId, d.reference]));
  for (const e of [...(meeting?.attendance.entries ?? []), ...(meeting?.declarations ?? [])])
    if (e.name) names.set(e.memberId, e.name);
  for (const i of meeting?.agenda ?? []) items.set(i.itemId, i.title);
  return {
    meeting,
    refs,
    name: (id) => names.get(id) ?? 'a member',
    item: (id) => items.get(id) ?? 'an item',
    decision: (id, none) => (refs.has(id) ? `decision ${refs.get(id)}` : none),
  };
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

/** The history as an ordered list: each event's time, what it said, who, on whose behalf, and its ids. */
export function showTimeline(history, c) {
  const list = document.getElementById('timeline');
  list.replaceChildren();
  for (const event of history.events) {
    const item = element('li', 'audit-event');
    const time = element('time', null, when(event.recordedAt));
    time.dateTime = event.recordedAt;
    item.append(time, element('h3', 'event-title', plainWords(event, c)));
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

// What an "as at" before the record existed says, in place of the record.
const NOT_YET = { decision: 'The decision had not been recorded', meeting: 'The meeting had not been scheduled' };

/**
 * Runs a history page: loads the history, then the record now, and the "as at" form. `kind` is
 * 'decision' or 'meeting'; `showThen(answer, fact)` draws the record as it stood; `linked(c, events,
 * id)` links the page to the rest of the evidence, where `c` is namesFor's answer.
 */
export function startHistoryPage(kind, { showThen, meetingOf, linked }) {
  document.addEventListener('DOMContentLoaded', async () => {
    requireSession();
    const match = new RegExp(`^/audit/${kind}s/([^/]+)$`).exec(location.pathname);
    const id = match ? decodeURIComponent(match[1]) : '';
    document.getElementById('record-id').textContent = id;
    const form = document.getElementById('as-at-form');
    const summary = document.getElementById('error-summary');
    const base = `/api/audit/${kind}s/${encodeURIComponent(id)}`;
    const none = document.getElementById('then-none');
    let existed = false;

    const problem = (error) =>
      error.status === 404
        ? `There is no ${kind} with this id on your board, or it did not exist yet at that moment.`
        : undefined;

    async function loadThen(asAt) {
      clearErrors(form, summary);
      try {
        const answer = await apiGet(asAt ? `${base}?asAt=${encodeURIComponent(asAt)}` : base, { auth: true });
        none.hidden = true;
        const facts = document.getElementById('then-facts');
        facts.replaceChildren();
        fact(facts, 'Events up to then', `${answer.asOf.events}, the last at ${when(answer.asOf.recordedAt)}`);
        showThen(answer, (term, value) => fact(facts, term, value));
        return titled(asAt);
      } catch (error) {
        if (error.status === 403) return showNotForRole();
        if (asAt && existed && error.status === 404) {
          // Before its first event: nothing of the record is left on the page, only the plain fact.
          document.getElementById('then-facts').replaceChildren();
          document.getElementById('knew').hidden = true;
          none.textContent = `${NOT_YET[kind]} by ${when(asAt)}: nothing of it existed then.`;
          none.hidden = false;
          return titled(asAt);
        }
        showErrors(form, summary, error, {
          messages: { asAt: 'Enter a real date and time' },
          fallback: problem(error) ?? 'We could not load it. Try again.',
        });
        return null;
      }
    }

    function titled(asAt) {
      document.getElementById('then-title').textContent = asAt ? `As it stood at ${when(asAt)}` : 'As it stands now';
      return document.getElementById('then');
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
      const history = await apiGet(`${base}/history`, { auth: true });
      const c = await namesFor(meetingOf(history, id), history.events);
      existed = true;
      showTimeline(history, c);
      linked(c, history.events, id);
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
