import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { NotFound } from '#platform';

/**
 * The voice context does not import the board's domain: it checks on the board's stream that the meeting
 * is the caller's and that the item was put on its agenda (AgendaItemAdded), else "not found".
 */
@Injectable()
export class MeetingCheck {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async requireItem(tenantId: string, meetingId: string, itemId: string): Promise<void> {
    const recorded = await this.store.readStream(`meeting-${meetingId}`);
    if (recorded.length === 0 || recorded[0]!.metadata.tenantId !== tenantId) {
      throw new NotFound('There is no such meeting in your board.');
    }
    const added = recorded.some(
      (e) => e.type === 'AgendaItemAdded' && (e.data as { itemId?: string }).itemId === itemId,
    );
    if (!added) throw new NotFound('There is no such agenda item in this meeting.');
  }
}
