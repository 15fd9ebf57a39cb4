import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';

import { runOnMeeting, type MeetingInput } from '../shared/run-on.js';

export class AdjournMeetingCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
    readonly input: MeetingInput<'AdjournMeeting'>,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(AdjournMeetingCommand)
export class AdjournMeetingHandler implements ICommandHandler<AdjournMeetingCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, meetingId, input }: AdjournMeetingCommand): Promise<WriteResult> {
    return runOnMeeting(this.streams, 'AdjournMeeting', meetingId, input, context);
  }
}
