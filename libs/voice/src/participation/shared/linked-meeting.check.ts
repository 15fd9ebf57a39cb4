import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { NotFound } from '#platform';

/**
 * A call for views (or a view entered by staff) may point at a meeting, and optionally one of its agenda
 * items. The voice context does not import the board's domain: it reads the meeting's stream and checks
 * that it is the caller's board's and that the item was added and not withdrawn, else "not found".
 */
@Injectable()
export class LinkedMeetingCheck {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async require(tenantId: string, meetingId: string, itemId?: string): Promise<void> {
    const recorded = await this.store.readStream(`meeting-${meetingId}`);
    if (recorded.length === 0 || recorded[0]!.metadata.tenantId !== tenantId) {
      throw new NotFound('There is no such meeting in your board.');
    }
    if (itemId === undefined) return;
    let onAgenda = false;
    for (const event of recorded) {
      if ((event.data as { itemId?: string }).itemId !== itemId) continue;
      if (event.type === 'AgendaItemAdded') onAgenda = true;
      if (event.type === 'AgendaItemWithdrawn') onAgenda = false;
    }
    if (!onAgenda) throw new NotFound('There is no such agenda item in this meeting.');
  }
}
