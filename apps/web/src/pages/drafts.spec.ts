import { CHECK_SESSION_MINUTES } from './check-sessions.js';
import { DraftStore, EMPTY_FIELDS, type Draft } from './drafts.js';

describe('drafts of a view', () => {
  const sent = (minutesAgo: number): Draft => ({
    board: 'northshire',
    fields: EMPTY_FIELDS,
    errors: [],
    needsInvite: false,
    receiptCode: 'ABCD-EFGH-JKLM-NPQR',
    sentAt: Date.now() - minutesAgo * 60_000,
  });

  it("shows a sent view's code while a check session would last, then forgets it", () => {
    const drafts = new DraftStore();
    drafts.set('fresh', sent(CHECK_SESSION_MINUTES - 1));
    drafts.set('stale', sent(CHECK_SESSION_MINUTES + 1));
    expect(drafts.get('fresh', 'northshire')?.receiptCode).toBe('ABCD-EFGH-JKLM-NPQR');
    expect(drafts.get('stale', 'northshire')).toBeUndefined();
    expect(drafts.get('stale', 'northshire')).toBeUndefined();
  });

  it("is another board's to no one", () => {
    const drafts = new DraftStore();
    drafts.set('fresh', sent(0));
    expect(drafts.get('fresh', 'southvale')).toBeUndefined();
  });
});
