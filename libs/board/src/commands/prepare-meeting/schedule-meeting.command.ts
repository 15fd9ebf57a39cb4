import { idForNew, BoardStreams, type WriteResult } from '#event-store';
import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import { boardFacts } from '../../domain/index.js';
import { BoardAggregates } from '../board-aggregates.js';
import { runOnMeeting, type MeetingInput } from '../run-on.js';

export type MeetingCreatedResult = WriteResult & { readonly meetingId: string };

export class ScheduleMeetingCommand extends Command<MeetingCreatedResult> {
  constructor(
    readonly context: CommandContext,
    readonly input: Omit<MeetingInput<'ScheduleMeeting'>, 'facts'> & { readonly meetingId?: string },
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler implements ICommandHandler<ScheduleMeetingCommand, MeetingCreatedResult> {
  constructor(
    private readonly aggregates: BoardAggregates,
    private readonly streams: BoardStreams,
  ) {}

  async execute({ context, input }: ScheduleMeetingCommand): Promise<MeetingCreatedResult> {
    const { meetingId: given, ...details } = input;
    // The meeting takes its jurisdiction, quorum and tag vocabulary from the board as it is now.
    const facts = boardFacts(await this.aggregates.board(context.tenantId));
    const meetingId = idForNew(context, 'meeting', given);
    const result = await runOnMeeting(this.streams, 'ScheduleMeeting', meetingId, { ...details, facts }, context);
    return { meetingId, ...result };
  }
}
