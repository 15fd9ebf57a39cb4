import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, foldRecorded, handleCommand, type CommandContext, type EventStore } from '#event-store';
import { NotFound, type Decider, type DomainCommand, type DomainEvent } from '#platform';
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
} from '../../domain/index.js';

/** What a write answers: the aggregate's id, its new revision, and whether this was a retry. */
export interface WriteResult {
  readonly id: string;
  readonly revision: string | null;
  readonly duplicate: boolean;
  readonly events: readonly string[];
}

/**
 * Reads the board's aggregates (for the facts a command needs) and runs commands against them.
 * Every read and write is scoped to the caller's tenant: a stream of another tenant is "not found".
 */
@Injectable()
export class BoardAggregates {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  board(tenantId: string): Promise<BoardState> {
    return this.fold(boardDecider, boardStream(tenantId), tenantId, 'board', { allowEmpty: true });
  }

  meeting(tenantId: string, meetingId: string): Promise<MeetingState> {
    return this.fold(meetingDecider, meetingStream(meetingId), tenantId, 'meeting');
  }

  decision(tenantId: string, decisionId: string): Promise<DecisionState> {
    return this.fold(decisionDecider, decisionStream(decisionId), tenantId, 'decision');
  }

  action(tenantId: string, actionId: string): Promise<ActionState> {
    return this.fold(actionDecider, actionStream(actionId), tenantId, 'action');
  }

  /** Read, fold, decide, append with the expected revision (bounded retries), idempotent by command id. */
  async run<C extends DomainCommand, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    stream: string,
    id: string,
    command: C,
    context: CommandContext,
  ): Promise<WriteResult> {
    const { events, append } = await handleCommand(this.store, decider, stream, command, context);
    return {
      id,
      revision: append ? append.nextRevision.toString() : null,
      duplicate: append?.duplicate ?? false,
      events: events.map((e) => e.type),
    };
  }

  private async fold<C extends DomainCommand, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    stream: string,
    tenantId: string,
    what: string,
    options: { allowEmpty?: boolean } = {},
  ): Promise<S> {
    const recorded = await this.store.readStream(stream);
    if (recorded.length === 0 && !options.allowEmpty) throw new NotFound(`There is no such ${what} in your board.`);
    if (recorded.length > 0 && recorded[0]!.metadata.tenantId !== tenantId) {
      throw new NotFound(`There is no such ${what} in your board.`);
    }
    return foldRecorded(decider, recorded);
  }
}
