/* global document */
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
});
