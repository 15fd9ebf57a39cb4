import type { DataSource } from 'typeorm';
import { liveTables } from '#event-store';
import { boardOverviewProjection } from './board-overview.projection.js';

/** Members' names by id, for read models that show who attended or owns an action (null: erased). */
export async function memberNames(db: DataSource, tenantId: string): Promise<ReadonlyMap<string, string | null>> {
  const tables = await liveTables(db, boardOverviewProjection);
  if (!tables) return new Map();
  const rows = await db
    .createQueryBuilder()
    .select(['m.member_id AS member_id', 'm.name AS name'])
    .from(tables.board_members!, 'm')
    .where('m.tenant_id = :tenantId', { tenantId })
    .getRawMany<{ member_id: string; name: string | null }>();
  return new Map(rows.map((row) => [row.member_id, row.name ?? null]));
}
