import { Inject, Injectable } from '@nestjs/common';
import { boardStream, type BoardConfigured } from '#board/contracts';
import { EVENT_STORE, type EventStore, ofBoard } from '#event-store';
import { isCalendarJurisdiction, type CalendarJurisdiction } from '#platform';

/**
 * Whose bank holidays a board's working days skip: its configured jurisdiction (England or Wales), read
 * from the board's own stream; England until the board is configured.
 */
@Injectable()
export class BoardCalendar {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async jurisdiction(tenantId: string): Promise<CalendarJurisdiction> {
    // The stream is named by the tenant; one started by anyone else is ignored, never trusted.
    const recorded = ofBoard(await this.store.readStream(boardStream(tenantId)), tenantId);
    let jurisdiction: CalendarJurisdiction = 'england';
    for (const event of recorded) {
      if (event.type !== 'BoardConfigured') continue;
      const configured = (event.data as BoardConfigured['data']).jurisdiction;
      if (isCalendarJurisdiction(configured)) jurisdiction = configured;
    }
    return jurisdiction;
  }
}
