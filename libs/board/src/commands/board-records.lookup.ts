import { Injectable } from '@nestjs/common';
import { BoardStreams, foldRecorded } from '#event-store';
import type { AgendaEntry, BoardRecordsLookup } from '../contracts/board-records.js';
import {
  actionStream,
  boardDecider,
  boardStream,
  decisionStream,
  DEFAULT_THEMES,
  meetingDecider,
  meetingStream,
} from '../domain/index.js';

/** The board's answer to BOARD_RECORDS, from its streams (like BoardAggregates): another board's stream reads as absent. */
@Injectable()
export class BoardRecordsFromStreams implements BoardRecordsLookup {
  constructor(private readonly streams: BoardStreams) {}

  async agendaOf(tenantId: string, meetingId: string): Promise<readonly AgendaEntry[] | undefined> {
    const recorded = await this.streams.read(meetingStream(meetingId), tenantId);
    if (recorded.length === 0) return undefined;
    const meeting = foldRecorded(meetingDecider, recorded);
    return meeting.agenda.map(({ itemId, withdrawn }) => ({ itemId, withdrawn }));
  }

  hasDecision(tenantId: string, decisionId: string): Promise<boolean> {
    return this.streams.exists(decisionStream(decisionId), tenantId);
  }

  hasAction(tenantId: string, actionId: string): Promise<boolean> {
    return this.streams.exists(actionStream(actionId), tenantId);
  }

  async themeNames(tenantId: string): Promise<ReadonlyMap<string, string>> {
    const board = foldRecorded(boardDecider, await this.streams.read(boardStream(tenantId), tenantId));
    return new Map((board.config?.themes ?? DEFAULT_THEMES).map((theme) => [theme.code, theme.label]));
  }
}
