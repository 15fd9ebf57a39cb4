import type { BoardYear } from '#demo';

/**
 * An OpenAPI path with real ids of northshire's year in it (`/api/meetings/{id}` -> a real meeting), so
 * a call reaches a board's real records. `staffId` names a member of staff for `/api/staff/{userId}` and
 * `/api/staff/accounts/{accountId}`.
 */
export function concretePath(path: string, year: BoardYear, staffId: string): string {
  const meeting = year.meetings[0]!;
  const ids: Record<string, string> = {
    meetings: meeting.meetingId,
    'approve-minutes-of': year.meetings[1]!.meetingId,
    items: meeting.itemIds[0]!,
    'agenda-items': meeting.itemIds[0]!,
    decisions: year.decisions.all[0]!,
    actions: year.actions.all[0]!,
    views: year.views.all[0]!,
    contributions: year.views.all[0]!,
    members: year.people.councillors[0]!,
    cases: year.safeguardingCases[0]!,
    'calls-for-views': year.call.callId,
    'invite-codes': '6d1f2c8e-0000-4000-8000-000000000000',
    boards: 'northshire',
    oidc: 'northshire',
    staff: staffId,
    // Staff accounts: a call with the matrix's empty body is refused (400) before anything changes.
    accounts: staffId,
  };
  return path.replace(/\/([a-z-]+)\/\{[A-Za-z]+\}/g, (_, segment: string) => {
    const id = ids[segment];
    if (!id) throw new Error(`no id for the path segment "${segment}" in ${path}: add one to concretePath`);
    return `/${segment}/${id}`;
  });
}
