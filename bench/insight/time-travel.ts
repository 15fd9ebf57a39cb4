// Audit's time travel of one decision, called as its query handler is, outside Nest.
import type { DataSource } from 'typeorm';
import type { EventStore } from '#event-store';
import { StaffDirectory, type AccessLog, type Caller } from '#identity';
import { EventHistoryReader } from '../../libs/audit/src/read-models/history/event-history.reader.js';
import { GetDecisionAsAt, GetDecisionAsAtHandler } from '../../libs/audit/src/read-models/history/get-as-at.query.js';
import { ViewTimelineReader } from '../../libs/audit/src/read-models/history/view-timeline.reader.js';
import { ViewsThenReader } from '../../libs/audit/src/read-models/history/views-then.js';

/** Reads a decision as at a moment: its own stream, cut, and what the board knew from the timeline index. */
export function timeTravelReader(store: EventStore, db: DataSource, tenantId: string) {
  // The access log's insert is one row per read in the app; the benchmark's read database has no
  // identity tables, so the read is timed without it.
  const accessLog = { record: async () => undefined } as unknown as AccessLog;
  const handler = new GetDecisionAsAtHandler(
    new EventHistoryReader(store, new StaffDirectory(db)),
    new ViewsThenReader(new ViewTimelineReader(db)),
    accessLog,
  );
  const caller: Caller = { userId: 'bench-auditor', tenantId, roles: ['auditor'], actingRole: 'auditor' };
  return (decisionId: string, at: Date) =>
    handler.execute(new GetDecisionAsAt(caller, decisionId, { kind: 'time', asAt: at.toISOString() }));
}
