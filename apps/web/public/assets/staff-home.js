/* global document */
import { apiGet } from './api.js';
import { formatDate } from './page.js';
import { hasRole, requireSession } from './session.js';

// The links for each role are in the page (page-layout.ts, from WEB_PAGES); session.js shows this role's.
document.addEventListener('DOMContentLoaded', () => {
  const session = requireSession();
  document.getElementById('who').textContent = `Signed in as ${session.displayName} (${session.roles.join(', ')}).`;
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
