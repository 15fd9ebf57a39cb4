import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';

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
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, meetingId, input }: RecordMinutesCommand): Promise<WriteResult> {
    return runOnMeeting(this.streams, 'RecordMinutes', meetingId, input, context);
  }
}
