// Why a read happened, in the words a data protection officer would use. Kept with each row as it is
// recorded (so a later change of wording does not rewrite history); rows recorded before the purpose
// was kept get it from their action when read.

/** A review of the access log is itself a read, recorded under this action and purpose. */
export const ACCESS_LOG_REVIEW = { action: 'access-log-review', purpose: 'Access-log review' } as const;

/** Purposes of reads of a child's words, by the route they came by (first match wins). */
const ROUTE_PURPOSES: ReadonlyArray<readonly [prefix: string, purpose: string]> = [
  ['GET /api/moderation/', 'Moderation: checking views before they reach the board'],
  ['GET /api/safeguarding/', 'Safeguarding: views withheld for a young person’s safety'],
  ['GET /api/views/ready-to-table', 'Tabling: views ready for a meeting'],
  ['GET /api/insight/evidence-pack', 'Evidence pack for an inspection'],
  ['GET /api/insight/', 'Insight: how views shaped the board’s decisions'],
];

/** Purposes named by the action itself. */
const ACTION_PURPOSES: Readonly<Record<string, string>> = {
  'audit-history': 'Audit: a record’s history',
  'audit-time-travel': 'Audit: the board as it stood at a past moment',
  'audit-integrity-verify': 'Audit: checking the event log is unaltered',
  'audit-export-bundle': 'Audit: a signed export of the event log',
  'audit-read': 'Audit: reading insight',
  [ACCESS_LOG_REVIEW.action]: ACCESS_LOG_REVIEW.purpose,
};

/** The purpose of a read: what its action says, else what its route was for, else a plain description. */
export function purposeFor(action: string, route: string | null | undefined): string {
  const named = ACTION_PURPOSES[action];
  if (named) return named;
  const byRoute = route ? ROUTE_PURPOSES.find(([prefix]) => route.startsWith(prefix))?.[1] : undefined;
  if (byRoute) return byRoute;
  return action === 'read-contribution-text' ? 'Reading a view’s words' : action;
}
