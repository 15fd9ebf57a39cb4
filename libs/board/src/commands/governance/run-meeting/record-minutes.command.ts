import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import { BoardAggregates, type WriteResult } from '../../shared/board-aggregates.js';
import { runOnMeeting, type MeetingInput } from '../shared/run-on.js';

export class RecordMinutesCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
    readonly input: MeetingInput<'RecordMinutes'>,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(RecordMinutesCommand)
export class RecordMinutesHandler implements ICommandHandler<RecordMinutesCommand, WriteResult> {
  constructor(private readonly aggregates: BoardAggregates) {}

  execute({ context, meetingId, input }: RecordMinutesCommand): Promise<WriteResult> {
    return runOnMeeting(this.aggregates, 'RecordMinutes', meetingId, input, context);
  }
}
