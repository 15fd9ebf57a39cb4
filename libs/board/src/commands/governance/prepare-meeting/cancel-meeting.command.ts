import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import { BoardAggregates, type WriteResult } from '../../shared/board-aggregates.js';
import { runOnMeeting, type MeetingInput } from '../shared/run-on.js';

export class CancelMeetingCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
    readonly input: MeetingInput<'CancelMeeting'>,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(CancelMeetingCommand)
export class CancelMeetingHandler implements ICommandHandler<CancelMeetingCommand, WriteResult> {
  constructor(private readonly aggregates: BoardAggregates) {}

  execute({ context, meetingId, input }: CancelMeetingCommand): Promise<WriteResult> {
    return runOnMeeting(this.aggregates, 'CancelMeeting', meetingId, input, context);
  }
}
