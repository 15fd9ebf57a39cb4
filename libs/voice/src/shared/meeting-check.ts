import { Inject, Injectable } from '@nestjs/common';
import { evolveMeeting, initialMeetingState, type MeetingEvent } from '#board';
import { EVENT_STORE, type EventStore, ofBoard } from '#event-store';
import { NotFound } from '#platform';
import type { ContributionTarget } from '../domain/index.js';

/**
 * A view, a call for views or a tabling may name a meeting and one of its agenda items. The meeting's
 * stream is folded with the board's own evolve (published through its contracts): it must be the
 * caller's board's, and the item on its agenda and not withdrawn, else "not found".
 */
@Injectable()
export class MeetingCheck {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async require(tenantId: string, meetingId: string, itemId?: string): Promise<void> {
    const recorded = ofBoard(await this.store.readStream(`meeting-${meetingId}`), tenantId);
    if (recorded.length === 0) throw new NotFound('There is no such meeting in your board.');
    if (itemId === undefined) return;
    const meeting = recorded.reduce(
      (state, event) => evolveMeeting(state, { type: event.type, data: event.data } as MeetingEvent) ?? state,
      initialMeetingState(),
    );
    if (!meeting.agenda.some((item) => item.itemId === itemId && !item.withdrawn)) {
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
