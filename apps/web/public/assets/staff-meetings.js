/* global document */
// The board's meetings, coming up and past, each linking to its console; the clerk (or admin) schedules
// a new one; anyone who reads the board may save the meetings as an iCalendar file.
import { apiGet, clearErrors, downloadWithToken, showErrors, submission } from './api.js';
import { element, formatDateTime, londonTimeToUtc } from './page.js';
import { hasRole, requireSession } from './session.js';

function meetingLink(meeting) {
  const item = element('li');
  const link = element('a', null, meeting.title);
  link.href = `/staff/meetings/${encodeURIComponent(meeting.meetingId)}`;
  item.append(
    link,
    ` – ${formatDateTime(meeting.startsAt)}${meeting.place ? `, ${meeting.place}` : ''} (${meeting.status.replaceAll('-', ' ')})`,
  );
  return item;
}

async function load() {
  const meetings = await apiGet('/api/meetings', { auth: true });
  // Coming up means not yet held (by status: this device's clock may differ from the board's).
  const notHeld = (m) => m.status === 'scheduled' || m.status === 'agenda-published';
  const upcoming = meetings.filter(notHeld);
  const past = meetings.filter((m) => !notHeld(m)).reverse();
  const fill = (id, list, empty) => {
    const node = document.getElementById(id);
    node.replaceChildren(...(list.length ? list.map(meetingLink) : [element('li', null, empty)]));
  };
  fill('upcoming', upcoming, 'No meetings are scheduled.');
  fill('past', past, 'No past meetings yet.');
}

// The feed needs the bearer token, which a plain link cannot carry: fetch it and save it as a file.
function downloadCalendar() {
  return downloadWithToken('/api/meetings/calendar.ics', 'board-meetings.ics');
}

document.addEventListener('DOMContentLoaded', async () => {
  const session = requireSession();
  const summary = document.getElementById('error-summary');
  const form = document.getElementById('schedule-form');
  try {
    await load();
  } catch (error) {
    showErrors(form, summary, error, { fallback: 'We could not load the meetings. Try again.' });
  }
  document
    .getElementById('calendar')
    .addEventListener('click', () =>
      downloadCalendar().catch(() =>
        showErrors(form, summary, null, { fallback: 'We could not make the calendar file. Try again.' }),
      ),
    );

  if (!hasRole(session, 'clerk', 'admin')) return;
  document.getElementById('schedule-section').hidden = false;
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const local = form.elements.startsAt.value;
    const startsAt = londonTimeToUtc(local);
    const place = form.elements.place.value.trim();
    try {
      const created = await send.post('/api/meetings', {
        title: form.elements.title.value,
        startsAt,
        ...(place ? { place } : {}),
      });
      const done = document.getElementById('done');
      done.replaceChildren('Meeting scheduled. ');
      const link = element('a', null, 'Open its agenda');
      link.href = `/staff/meetings/${encodeURIComponent(created.meetingId)}`;
      done.append(link);
      done.hidden = false;
      form.reset();
      // The list is a read model: it answers once it shows the new meeting (api.js sends the write's position).
      await load();
      done.setAttribute('tabindex', '-1');
      done.focus();
    } catch (error) {
      showErrors(form, summary, error, {
        messages: {
          title: 'Give the meeting a title',
          startsAt: 'Give the date and start time',
          place: 'Check the place',
        },
      });
    }
  });
});
