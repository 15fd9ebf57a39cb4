import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Clock, NotFound } from '#platform';
import { londonDateOf } from '../../domain/index.js';
import { memberNames } from '../board-overview/member-names.js';
import { decodeRow, liveTables, type ProjectionTable } from '#event-store';
import type { ActionDetailView } from './action-log.dto.js';
import { ACTIONS, actionLogProjection, PROGRESS } from './action-log.projection.js';
import { actionView } from './action-rows.js';

/** One action of the caller's board with its progress notes; another board's is not found. */
export class GetAction extends Query<ActionDetailView> {
  constructor(
    readonly tenantId: string,
    readonly actionId: string,
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetAction)
export class GetActionHandler implements IQueryHandler<GetAction, ActionDetailView> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ tenantId, actionId }: GetAction): Promise<ActionDetailView> {
    const tables = await liveTables(this.db, actionLogProjection);
    const read = async <T extends ProjectionTable>(table: T) => {
      const raw = await this.db
        .createQueryBuilder()
        .select('*')
        .from(tables![table.name]!, 't')
        .where('t.tenant_id = :tenantId AND t.action_id = :actionId', { tenantId, actionId })
        .orderBy(table.name === PROGRESS.name ? 't.position' : 't.action_id', 'ASC')
        .getRawMany<Record<string, unknown>>();
      return raw.map((row) => decodeRow(table, row));
    };
    const [row] = tables ? await read(ACTIONS) : [];
    if (!row) throw new NotFound('There is no such action in your board.');
    const progress = await read(PROGRESS);
    const today = londonDateOf(this.clock.now().toISOString());
    return {
      ...actionView(row, today, await memberNames(this.db, tenantId)),
      progress: progress.map((note) => ({ note: note.note, at: note.at })),
    };
  }
}
