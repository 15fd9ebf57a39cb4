/* global document */
import { apiGet } from './api.js';
import { formatDate } from './page.js';
import { hasRole, requireSession, signOut } from './session.js';

// What each role does here, most used first. A link shows only to those whose role can use it.
const LINKS = [
  {
    href: '/staff/meetings',
    text: 'Meetings: agenda, attendance, minutes and decisions',
    roles: ['clerk', 'chair', 'member', 'officer', 'admin', 'auditor'],
  },
  {
    href: '/staff/actions',
    text: 'Actions the board has set',
    roles: ['clerk', 'chair', 'member', 'officer', 'admin', 'auditor'],
  },
  { href: '/staff/moderation', text: 'Moderation queue: views waiting to be read', roles: ['moderator'] },
  { href: '/staff/safeguarding', text: 'Safeguarding queue', roles: ['safeguarding-lead'] },
  {
    href: '/staff/dashboard',
    text: 'Dashboard: how children’s views shaped decisions',
    roles: ['clerk', 'chair', 'member', 'officer', 'admin', 'auditor'],
  },
  { href: '/audit/', text: 'Audit: history, time travel, integrity, export', roles: ['auditor', 'admin'] },
  {
    href: '/audit/access-log',
    text: 'Access log: who read young people’s words, when and why',
    roles: ['auditor', 'admin'],
  },
  { href: '/staff/accounts', text: 'Staff accounts: disable, enable, roles', roles: ['admin'] },
  {
    href: '/staff/settings',
    text: 'Settings for young people’s views: the council’s number, how easy answers must be to read, how soon views are read',
    roles: ['admin'],
  },
];

document.addEventListener('DOMContentLoaded', () => {
  const session = requireSession();
  document.getElementById('who').textContent = `Signed in as ${session.displayName} (${session.roles.join(', ')}).`;
  const list = document.getElementById('links');
  for (const link of LINKS.filter((l) => hasRole(session, ...l.roles))) {
    const item = document.createElement('li');
    const anchor = document.createElement('a');
    anchor.href = link.href;
    anchor.textContent = link.text;
    item.append(anchor);
    list.append(item);
  }
  document.getElementById('sign-out').addEventListener('click', signOut);
  showOverdueViews(session);
});

// Who may see how many views wait past the board's moderation window: a count, never which or their words.
const OVERDUE_READERS = ['moderator', 'admin', 'clerk', 'chair', 'member', 'officer', 'auditor'];

/** Views past the board's moderation window: every view is read by a person within it. */
async function showOverdueViews(session) {
  if (!hasRole(session, ...OVERDUE_READERS)) return;
  let counts;
  try {
    counts = await apiGet('/api/moderation/overdue', { auth: true });
  } catch {
    return; // The rest of the page works without it.
  }
  const moderator = hasRole(session, 'moderator');
  if (counts.overdue === 0 && !moderator) return;
  const line = document.getElementById('overdue-views');
  line.textContent =
    counts.overdue === 0
      ? 'No view is waiting past the board’s moderation window.'
      : `${counts.overdue === 1 ? '1 view is' : `${counts.overdue} views are`} waiting past the board’s moderation window` +
        ` (the oldest since ${formatDate(counts.oldestWaitingSince)}); the moderation lead has been told of ${counts.escalated}.`;
  if (counts.overdue > 0 && moderator) {
    const link = document.createElement('a');
    link.href = '/staff/moderation';
    link.textContent = 'Read them in the moderation queue';
    line.append(' ', link);
  }
  line.hidden = false;
}
