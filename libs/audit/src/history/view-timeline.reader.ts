import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { physicalTableName, readRegistry } from '#event-store';
import type { Cut } from './folding/cut.js';
import type { TimelineRow } from './folding/view-availability.js';
import { VIEW_TIMELINE_TABLE, viewTimelineProjection } from './history.projections.js';

/**
 * Range reads of the view timeline index. Each read touches only the rows of one meeting (or item) and
 * of the views found there, through the table's indexes: the cost follows those views, not the log.
 */
@Injectable()
export class ViewTimelineReader {
  constructor(private readonly db: DataSource) {}

  /** Ids of the views tabled at a meeting (or one of its items) at or before the cut, with where. */
  async tabled(
    tenantId: string,
    meetingId: string,
    itemId: string | undefined,
    cut: Cut,
  ): Promise<Array<{ contributionId: string; itemId: string }>> {
    const table = await this.table();
    if (!table) return [];
    let query = this.db
      .createQueryBuilder()
      .select(['t.contribution_id AS "contributionId"', 't.item_id AS "itemId"'])
      .from(table, 't')
      .where('t.tenant_id = :tenantId AND t.meeting_id = :meetingId', { tenantId, meetingId })
      .andWhere("t.kind = 'tabled'");
    if (itemId !== undefined) query = query.andWhere('t.item_id = :itemId', { itemId });
    query = withCut(query, cut).orderBy('t.position', 'ASC');
    const rows = await query.getRawMany<{ contributionId: string; itemId: string }>();
    return rows.map((r) => ({ contributionId: String(r.contributionId), itemId: String(r.itemId) }));
  }

  /** Every timeline row of these views (all time: whether a view was ever withheld matters). */
  async rowsOf(tenantId: string, contributionIds: readonly string[]): Promise<TimelineRow[]> {
    const table = await this.table();
    if (!table || contributionIds.length === 0) return [];
    const unique = [...new Set(contributionIds)];
    const rows: TimelineRow[] = [];
    // In chunks: the drivers bound the number of parameters in one statement.
    for (let i = 0; i < unique.length; i += CHUNK) {
      const raw = await this.db
        .createQueryBuilder()
        .select('*')
        .from(table, 't')
        .where('t.tenant_id = :tenantId', { tenantId })
        .andWhere('t.contribution_id IN (:...ids)', { ids: unique.slice(i, i + CHUNK) })
        .getRawMany<Record<string, unknown>>();
      rows.push(...raw.map(toRow));
    }
    return rows.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  }

  private async table(): Promise<string | undefined> {
    const registry = await readRegistry(this.db, viewTimelineProjection.name);
    return registry ? physicalTableName(VIEW_TIMELINE_TABLE, registry.liveVersion) : undefined;
  }
}

const CHUNK = 500;

function withCut<Q extends { andWhere(sql: string, params?: Record<string, unknown>): Q }>(query: Q, cut: Cut): Q {
  switch (cut.kind) {
    case 'now':
      return query;
    case 'position':
      // Fixed-width positions: string order is log order.
      return query.andWhere('t.position <= :position', { position: cut.position });
    case 'time':
      return query.andWhere('t.recorded_at <= :asAt', { asAt: cut.asAt });
  }
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function toRow(r: Record<string, unknown>): TimelineRow {
  const themes = typeof r.themes === 'string' ? (JSON.parse(r.themes) as string[]) : (r.themes as string[] | null);
  return {
    contributionId: String(r.contribution_id),
    kind: String(r.kind),
    position: String(r.position),
    recordedAt: String(r.recorded_at),
    meetingId: text(r.meeting_id),
    itemId: text(r.item_id),
    decisionId: text(r.decision_id),
    influence: text(r.influence),
    themes: themes ?? null,
  };
}
