import { Inject, Injectable } from '@nestjs/common';
import { BOARD_RECORDS, type BoardRecordsLookup } from '#board/contracts';
import { NotFound } from '#platform';
import type { ContributionTarget } from '../domain/index.js';

/**
 * A view, a call for views or a tabling may name a meeting and one of its agenda items. The board says
 * (BOARD_RECORDS) whether the meeting is the caller's board's and which items are on its agenda: a
 * meeting of another board, or an item withdrawn or never added, is "not found".
 */
@Injectable()
export class MeetingCheck {
  constructor(@Inject(BOARD_RECORDS) private readonly board: BoardRecordsLookup) {}

  async require(tenantId: string, meetingId: string, itemId?: string): Promise<void> {
    const agenda = await this.board.agendaOf(tenantId, meetingId);
    if (agenda === undefined) throw new NotFound('There is no such meeting in your board.');
    if (itemId !== undefined && !agenda.some((item) => item.itemId === itemId && !item.withdrawn)) {
      throw new NotFound('There is no such agenda item in this meeting.');
    }
  }

  /**
   * A new view's target, when it names a meeting or an item: the caller's board's, else "not found", as
   * a call of another board is. Malformed ids are left to the decider (400).
   */
  async requireTarget(tenantId: string, target: ContributionTarget): Promise<void> {
    const named = (id: unknown): id is string => typeof id === 'string' && id.trim() !== '';
    if (target.kind === 'meeting' && named(target.meetingId)) await this.require(tenantId, target.meetingId);
    if (target.kind === 'agenda-item' && named(target.meetingId) && named(target.itemId)) {
      await this.require(tenantId, target.meetingId, target.itemId);
    }
  }
}
