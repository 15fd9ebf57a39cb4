import { Injectable } from '@nestjs/common';
import { BoardStreams, foldRecorded } from '#event-store';
import type { AgendaEntry, BoardRecordsLookup } from '../../contracts/board-records.js';
import { actionStream, decisionStream, meetingDecider, meetingStream } from '../../domain/index.js';

/** The board's answer to BOARD_RECORDS, from its streams: another board's stream reads as absent. */
@Injectable()
export class BoardRecordsFromStreams implements BoardRecordsLookup {
  constructor(private readonly streams: BoardStreams) {}

  async agendaOf(tenantId: string, meetingId: string): Promise<readonly AgendaEntry[] | undefined> {
    const recorded = await this.streams.read(meetingStream(meetingId), tenantId);
    if (recorded.length === 0) return undefined;
    const meeting = foldRecorded(meetingDecider, recorded);
    return meeting.agenda.map(({ itemId, withdrawn }) => ({ itemId, withdrawn }));
  }

  async hasDecision(tenantId: string, decisionId: string): Promise<boolean> {
    return (await this.streams.read(decisionStream(decisionId), tenantId)).length > 0;
  }

  async hasAction(tenantId: string, actionId: string): Promise<boolean> {
    return (await this.streams.read(actionStream(actionId), tenantId)).length > 0;
  }
}
