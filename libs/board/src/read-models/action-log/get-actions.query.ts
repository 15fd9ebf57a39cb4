import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import { londonDateOf } from '../../domain/index.js';
import { memberNames } from '../board-overview/member-names.js';
import { decodeRow, liveTables } from '#event-store';
import type { ActionFilter, ActionView } from './action-log.dto.js';
import { ACTIONS, actionLogProjection } from './action-log.projection.js';
import { actionView } from './action-rows.js';

export interface ActionsFilter {
  readonly status?: ActionFilter;
  /** A member id or an officer's staff id. */
  readonly owner?: string;
  readonly decision?: string;
}

/** The caller's action log, soonest due first; "overdue" is judged against today's London date. */
export class GetActions extends Query<ActionView[]> {
  constructor(
    readonly tenantId: string,
    readonly filter: ActionsFilter = {},
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetActions)
export class GetActionsHandler implements IQueryHandler<GetActions, ActionView[]> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ tenantId, filter }: GetActions): Promise<ActionView[]> {
    const tables = await liveTables(this.db, actionLogProjection);
    if (!tables) return []; // the runner has not started on this database yet
    const today = londonDateOf(this.clock.now().toISOString());
    const query = this.db
      .createQueryBuilder()
      .select('*')
      .from(tables[ACTIONS.name]!, 'a')
      .where('a.tenant_id = :tenantId', { tenantId });
    if (filter.status === 'overdue') {
      // The due date itself is not late (as the domain's isOverdue says).
      query.andWhere("a.status = 'open' AND a.due_on < :today", { today });
    } else if (filter.status) {
      query.andWhere('a.status = :status', { status: filter.status });
    }
    if (filter.owner) {
      query.andWhere('(a.owner_member_id = :owner OR a.owner_officer_id = :owner)', { owner: filter.owner });
    }
    if (filter.decision) query.andWhere('a.decision_id = :decision', { decision: filter.decision });
    query.orderBy('a.due_on', 'ASC').addOrderBy('a.action_id', 'ASC');
    const rows = (await query.getRawMany<Record<string, unknown>>()).map((raw) => decodeRow(ACTIONS, raw));
    const names = await memberNames(this.db, tenantId);
    return rows.map((row) => actionView(row, today, names));
  }
}
