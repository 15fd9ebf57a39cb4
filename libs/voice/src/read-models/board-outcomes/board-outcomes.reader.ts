import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProjectionTable, RowOf } from '#event-store';
import { projectedRows } from '../projected-rows.js';
import {
  boardOutcomesProjection,
  OUTCOME_ACTIONS,
  OUTCOME_CITATIONS,
  OUTCOME_DECISIONS,
  OUTCOME_MEETINGS,
  type OutcomeActionRow,
  type OutcomeCitationRow,
  type OutcomeDecisionRow,
  type OutcomeMeetingRow,
} from './board-outcomes.projection.js';

// Bound parameters per IN (...) list: well under SQLite's and PostgreSQL's limits.
const CHUNK = 500;

/** Reads the board outcomes read model, one board (tenant) at a time. */
@Injectable()
export class BoardOutcomes {
  constructor(private readonly db: DataSource) {}

  /** The decisions that cited this view, oldest first. */
  citationsOf(tenantId: string, contributionId: string): Promise<OutcomeCitationRow[]> {
    return this.rows(OUTCOME_CITATIONS, tenantId, 't.contribution_id = :contributionId', { contributionId }, [
      'recorded_at',
      'decision_id',
    ]);
  }

  decisions(tenantId: string, decisionIds: readonly string[]): Promise<Map<string, OutcomeDecisionRow>> {
    return this.byId(OUTCOME_DECISIONS, tenantId, 'decision_id', decisionIds, (row) => row.decision_id);
  }

  meetings(tenantId: string, meetingIds: readonly string[]): Promise<Map<string, OutcomeMeetingRow>> {
    return this.byId(OUTCOME_MEETINGS, tenantId, 'meeting_id', meetingIds, (row) => row.meeting_id);
  }

  /** The actions these decisions set, oldest first. */
  async actionsOf(tenantId: string, decisionIds: readonly string[]): Promise<OutcomeActionRow[]> {
    const found: OutcomeActionRow[] = [];
    const ids = [...new Set(decisionIds)];
    for (let i = 0; i < ids.length; i += CHUNK) {
      found.push(
        ...(await this.rows(OUTCOME_ACTIONS, tenantId, 't.decision_id IN (:...ids)', { ids: ids.slice(i, i + CHUNK) }, [
          'assigned_at',
          'action_id',
        ])),
      );
    }
    return found;
  }

  actions(tenantId: string, actionIds: readonly string[]): Promise<Map<string, OutcomeActionRow>> {
    return this.byId(OUTCOME_ACTIONS, tenantId, 'action_id', actionIds, (row) => row.action_id);
  }

  /** Rows by the column holding their id (`idOf` reads it). */
  private async byId<T extends ProjectionTable>(
    table: T,
    tenantId: string,
    column: keyof T['columns'] & string,
    ids: readonly string[],
    idOf: (row: RowOf<T>) => string,
  ): Promise<Map<string, RowOf<T>>> {
    const found = new Map<string, RowOf<T>>();
    const distinct = [...new Set(ids)];
    for (let i = 0; i < distinct.length; i += CHUNK) {
      const rows = await this.rows(table, tenantId, `t.${column} IN (:...ids)`, { ids: distinct.slice(i, i + CHUNK) }, [
        column,
      ]);
      for (const row of rows) found.set(idOf(row), row);
    }
    return found;
  }

  private rows<T extends ProjectionTable>(
    table: T,
    tenantId: string,
    sql: string,
    params: Record<string, unknown>,
    orderBy: readonly (keyof T['columns'] & string)[],
  ): Promise<RowOf<T>[]> {
    return projectedRows(this.db, boardOutcomesProjection, table, tenantId, { sql, params }, orderBy);
  }
}
