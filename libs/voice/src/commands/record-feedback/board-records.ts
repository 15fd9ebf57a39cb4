import { Inject, Injectable } from '@nestjs/common';
import { BOARD_RECORDS, type BoardRecordsLookup } from '#board/contracts';
import { RuleBroken } from '#platform';

/**
 * A response to young people ("you said, we did") may point to the board's decisions and actions. Each
 * named must be a record of the caller's board: an unknown id, or another board's, is refused (422)
 * before anything is written, in words that name the field, never the record's stream or its board.
 */
@Injectable()
export class BoardRecords {
  constructor(@Inject(BOARD_RECORDS) private readonly board: BoardRecordsLookup) {}

  async requireDecisions(tenantId: string, decisionIds: readonly string[]): Promise<void> {
    const missing = await this.firstMissing(decisionIds, (id) => this.board.hasDecision(tenantId, id));
    if (missing === undefined) return;
    throw new RuleBroken(
      'decision-not-found',
      'A decision the response points to is not one of this board’s decisions.',
      { field: `decisionIds[${missing}]` },
    );
  }

  async requireActions(tenantId: string, actionIds: readonly string[]): Promise<void> {
    const missing = await this.firstMissing(actionIds, (id) => this.board.hasAction(tenantId, id));
    if (missing === undefined) return;
    throw new RuleBroken('action-not-found', 'An action the response points to is not one of this board’s actions.', {
      field: `actionIds[${missing}]`,
    });
  }

  /** The index of the first id with no stream in the caller's board, if any. */
  private async firstMissing(
    ids: readonly string[],
    isTheBoards: (id: string) => Promise<boolean>,
  ): Promise<number | undefined> {
    for (const [index, id] of ids.entries()) {
      if (!(await isTheBoards(id))) return index;
    }
    return undefined;
  }
}
