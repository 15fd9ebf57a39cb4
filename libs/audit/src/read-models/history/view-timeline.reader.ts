import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeRow, physicalTableName, readRegistry, type RowOf } from '#event-store';
import type { Cut } from './cut.js';
import type { TimelineRow } from './view-availability.js';
import { VIEW_TIMELINE, viewTimelineProjection } from './history.projections.js';

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
      .select('*')
      .from(table, 't')
      .where('t.tenant_id = :tenantId AND t.meeting_id = :meetingId', { tenantId, meetingId })
      .andWhere("t.kind = 'tabled'");
    if (itemId !== undefined) query = query.andWhere('t.item_id = :itemId', { itemId });
    query = withCut(query, cut).orderBy('t.position', 'ASC');
    const rows = (await query.getRawMany<Record<string, unknown>>()).map((raw) => decodeRow(VIEW_TIMELINE, raw));
    // A tabling is always at an item (ContributionTabled names one).
    return rows.flatMap((r) => (r.item_id === null ? [] : [{ contributionId: r.contribution_id, itemId: r.item_id }]));
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
      rows.push(...raw.map((r) => toRow(decodeRow(VIEW_TIMELINE, r))));
    }
    return rows.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  }

  private async table(): Promise<string | undefined> {
    const registry = await readRegistry(this.db, viewTimelineProjection.name);
    return registry ? physicalTableName(VIEW_TIMELINE.name, registry.liveVersion) : undefined;
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

function toRow(r: RowOf<typeof VIEW_TIMELINE>): TimelineRow {
  return {
    contributionId: r.contribution_id,
    kind: r.kind,
    position: r.position,
    recordedAt: r.recorded_at,
    meetingId: r.meeting_id,
    itemId: r.item_id,
    decisionId: r.decision_id,
    influence: r.influence,
    themes: r.themes,
    arrival: r.arrival,
  };
}
