import type { DataSource } from 'typeorm';
import { projectedRows } from '../projected-rows.js';
import { SAFEGUARDING_CASES_TABLE, safeguardingCasesProjection } from './safeguarding-cases.projection.js';

/**
 * How many safeguarding cases, on every board, are past their response window: open, not acknowledged,
 * and due before `now` (escalated to the deputy or not: the child is still waiting). A count for the
 * operators' figures; it reads no words and answers no ids.
 */
export async function countOverdueSafeguardingCases(db: DataSource, now: Date): Promise<number> {
  const open = await projectedRows(
    db,
    safeguardingCasesProjection,
    SAFEGUARDING_CASES_TABLE,
    null,
    { sql: "t.status = 'open' AND t.acknowledged_at IS NULL", params: {} },
    [],
  );
  // ISO instants compare as instants, as the overdue sweeper compares them.
  return open.filter((row) => Date.parse(row.due_by) <= now.getTime()).length;
}
