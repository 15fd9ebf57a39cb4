import type { AccessLog, Caller } from '#identity/contracts';

/**
 * Records an insight read: each view whose words (or summary) the caller was given, and, for an
 * auditor, the read itself. In the query handlers, so every door (the JSON API, the staff pages) records
 * the same rows for the same read.
 */
export async function recordInsightRead(
  accessLog: AccessLog,
  caller: Caller,
  subjectType: string,
  subjects: readonly string[],
  viewsRead: readonly string[],
): Promise<void> {
  await accessLog.record(caller, 'read-contribution-text', 'contribution', viewsRead);
  if (caller.actingRole === 'auditor') await accessLog.record(caller, 'audit-read', subjectType, subjects);
}
