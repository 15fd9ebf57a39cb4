import { Inject, Injectable } from '@nestjs/common';
import { boardStream, type BoardConfigured } from '#board';
import { EVENT_STORE, type EventStore } from '#event-store';
import { isCalendarJurisdiction, type CalendarJurisdiction } from '#platform';

/**
 * Whose bank holidays a board's working days skip: its configured jurisdiction (England or Wales), read
 * from the board's own stream; England until the board is configured.
 */
@Injectable()
export class BoardCalendar {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async jurisdiction(tenantId: string): Promise<CalendarJurisdiction> {
    const recorded = await this.store.readStream(boardStream(tenantId));
    // The stream is named by the tenant; one started by anyone else is ignored, never trusted.
    if (recorded.length === 0 || recorded[0]!.metadata.tenantId !== tenantId) return 'england';
    let jurisdiction: CalendarJurisdiction = 'england';
    for (const event of recorded) {
      if (event.type !== 'BoardConfigured') continue;
      const configured = (event.data as BoardConfigured['data']).jurisdiction;
      if (isCalendarJurisdiction(configured)) jurisdiction = configured;
    }
    return jurisdiction;
  }
}
