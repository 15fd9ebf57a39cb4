import { Inject, Injectable } from '@nestjs/common';
import { actionStream, decisionStream } from '#board';
import { EVENT_STORE, type EventStore, ofBoard } from '#event-store';
import { RuleBroken } from '#platform';

/**
 * A response to young people ("you said, we did") may point to the board's decisions and actions. Each
 * named must be a record of the caller's board: an unknown id, or another board's, is refused (422)
 * before anything is written, in words that name the field, never the record's stream or its board.
 */
@Injectable()
export class BoardRecords {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async requireDecisions(tenantId: string, decisionIds: readonly string[]): Promise<void> {
    const missing = await this.firstMissing(tenantId, decisionIds, decisionStream);
    if (missing === undefined) return;
    throw new RuleBroken(
      'decision-not-found',
      'A decision the response points to is not one of this board’s decisions.',
      { field: `decisionIds[${missing}]` },
    );
  }

  async requireActions(tenantId: string, actionIds: readonly string[]): Promise<void> {
    const missing = await this.firstMissing(tenantId, actionIds, actionStream);
    if (missing === undefined) return;
    throw new RuleBroken('action-not-found', 'An action the response points to is not one of this board’s actions.', {
      field: `actionIds[${missing}]`,
    });
  }

  /** The index of the first id with no stream in the caller's board, if any. */
  private async firstMissing(
    tenantId: string,
    ids: readonly string[],
    streamOf: (id: string) => string,
  ): Promise<number | undefined> {
    for (const [index, id] of ids.entries()) {
      const first = await this.store.readStream(streamOf(id), { maxCount: 1 });
      if (ofBoard(first, tenantId).length === 0) return index;
    }
    return undefined;
  }
}
