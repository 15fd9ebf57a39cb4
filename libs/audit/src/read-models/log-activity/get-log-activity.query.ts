import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decodeRow, liveTables } from '#event-store';
import { LOG_ACTIVITY, logActivityProjection } from './log-activity.projection.js';

export interface LogActivityRow {
  readonly day: string;
  readonly eventType: string;
  readonly events: number;
}

/** Events per day and type for one tenant, oldest day first. */
export class GetLogActivity extends Query<LogActivityRow[]> {
  constructor(
    readonly tenantId: string,
    readonly from?: string,
    readonly to?: string,
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetLogActivity)
export class GetLogActivityHandler implements IQueryHandler<GetLogActivity, LogActivityRow[]> {
  constructor(private readonly db: DataSource) {}

  async execute(query: GetLogActivity): Promise<LogActivityRow[]> {
    const tables = await liveTables(this.db, logActivityProjection);
    if (!tables) return []; // the runner has not started on this database yet
    const table = tables[LOG_ACTIVITY.name]!;
    const rows = await this.db
      .createQueryBuilder()
      .select('*')
      .from(table, 'a')
      .where('tenant_id = :tenant', { tenant: query.tenantId })
      .andWhere(query.from ? 'day >= :from' : '1=1', { from: query.from })
      .andWhere(query.to ? 'day <= :to' : '1=1', { to: query.to })
      .orderBy('day', 'ASC')
      .addOrderBy('event_type', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return rows
      .map((raw) => decodeRow(LOG_ACTIVITY, raw))
      .map((r) => ({ day: r.day, eventType: r.event_type, events: r.events }));
  }
}
