import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgendaItemRef, ContributionCitability, ContributionCitabilityReader } from '#board/contracts';
import { EVENT_STORE, foldRecorded, type EventStore, ofBoard } from '#event-store';
import { citability, contributionDecider, contributionStream, sameItem, type Citability } from '../../domain/index.js';
import { stateOfRow, statusRows } from './contribution-status.rows.js';

// The board's union and the voice domain's must stay equal: this assignment fails to compile otherwise.
type BoardStatus = ContributionCitability['status'];
const sameUnion = (c: Citability): BoardStatus => c;
const sameUnionBack = (c: BoardStatus): Citability => c;
void sameUnionBack;

/**
 * Answers the board from the contribution status read model, by the domain's own citability rule; and,
 * asked about an agenda item, whether each view was tabled there, from the view's own stream (a clerk
 * tables views a moment before the chair records the decision: that must count at once, not once the
 * read model has caught up).
 */
@Injectable()
export class ContributionCitabilityFromReadModel implements ContributionCitabilityReader {
  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async citability(
    tenantId: string,
    contributionIds: readonly string[],
    item?: AgendaItemRef,
  ): Promise<ContributionCitability[]> {
    if (contributionIds.length === 0) return [];
    const answers = await this.statuses(tenantId, contributionIds);
    if (!item) return answers;
    const tabled = await this.tabledAt(tenantId, contributionIds, item);
    return answers.map((answer) => ({ ...answer, tabledAtItem: tabled.has(answer.contributionId) }));
  }

  private async statuses(tenantId: string, contributionIds: readonly string[]): Promise<ContributionCitability[]> {
    // Scoped to the tenant: another board's view is simply unknown here.
    const rows = await statusRows(this.db, tenantId, {
      sql: 't.contribution_id IN (:...ids)',
      params: { ids: [...new Set(contributionIds)] },
    });
    const byId = new Map(rows.map((row) => [row.contribution_id, row]));
    return contributionIds.map((contributionId) => {
      const row = byId.get(contributionId);
      if (!row) return { contributionId, status: 'unknown' as const };
      return { contributionId, status: sameUnion(citability(stateOfRow(row))) };
    });
  }

  /** The views tabled at the item; another board's view (or none) never is. */
  private async tabledAt(
    tenantId: string,
    contributionIds: readonly string[],
    item: AgendaItemRef,
  ): Promise<Set<string>> {
    const tabled = new Set<string>();
    for (const contributionId of new Set(contributionIds)) {
      const recorded = ofBoard(await this.store.readStream(contributionStream(contributionId)), tenantId);
      if (recorded.length === 0) continue;
      const state = foldRecorded(contributionDecider, recorded);
      if (state.tabledAt.some((at) => sameItem(at, item))) tabled.add(contributionId);
    }
    return tabled;
  }
}
