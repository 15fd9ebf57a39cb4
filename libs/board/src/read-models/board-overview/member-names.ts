import type { DataSource } from 'typeorm';
import { decodeRow, liveTables } from '#event-store';
import { boardOverviewProjection, MEMBERS } from './board-overview.projection.js';

/** Members' names by id, for read models that show who attended or owns an action (null: erased). */
export async function memberNames(db: DataSource, tenantId: string): Promise<ReadonlyMap<string, string | null>> {
  const tables = await liveTables(db, boardOverviewProjection);
  if (!tables) return new Map();
  const raw = await db
    .createQueryBuilder()
    .select('*')
    .from(tables[MEMBERS.name]!, 'm')
    .where('m.tenant_id = :tenantId', { tenantId })
    .getRawMany<Record<string, unknown>>();
  return new Map(raw.map((r) => decodeRow(MEMBERS, r)).map((row) => [row.member_id, row.name]));
}
