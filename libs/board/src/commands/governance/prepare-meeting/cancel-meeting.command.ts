import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';

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
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, meetingId, input }: CancelMeetingCommand): Promise<WriteResult> {
    return runOnMeeting(this.streams, 'CancelMeeting', meetingId, input, context);
  }
}
