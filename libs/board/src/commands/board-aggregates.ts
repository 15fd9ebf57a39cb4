import { Injectable } from '@nestjs/common';
import { BoardStreams } from '#event-store';
import { NotFound } from '#platform';
import {
  actionDecider,
  actionStream,
  boardDecider,
  boardStream,
  decisionDecider,
  decisionStream,
  meetingDecider,
  meetingStream,
  type ActionState,
  type BoardState,
  type DecisionState,
  type MeetingState,
} from '../domain/index.js';

/**
 * The board's aggregates as facts a command needs (read through the one writer's loader, so another
 * board's stream is "not found"). Writing goes through BoardStreams.run.
 */
@Injectable()
export class BoardAggregates {
  constructor(private readonly streams: BoardStreams) {}

  board(tenantId: string): Promise<BoardState> {
    return this.streams.fold(boardDecider, boardStream(tenantId), tenantId);
  }

  meeting(tenantId: string, meetingId: string): Promise<MeetingState> {
    return this.streams.load(meetingDecider, meetingStream(meetingId), tenantId, missing('meeting'));
  }

  decision(tenantId: string, decisionId: string): Promise<DecisionState> {
    return this.streams.load(decisionDecider, decisionStream(decisionId), tenantId, missing('decision'));
  }

  action(tenantId: string, actionId: string): Promise<ActionState> {
    return this.streams.load(actionDecider, actionStream(actionId), tenantId, missing('action'));
  }
}

const missing = (what: string) => () => new NotFound(`There is no such ${what} in your board.`);
