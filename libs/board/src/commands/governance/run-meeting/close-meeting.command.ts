import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';

import { runOnMeeting } from '../shared/run-on.js';

export class CloseMeetingCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(CloseMeetingCommand)
export class CloseMeetingHandler implements ICommandHandler<CloseMeetingCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, meetingId }: CloseMeetingCommand): Promise<WriteResult> {
    return runOnMeeting(this.streams, 'CloseMeeting', meetingId, {}, context);
  }
}
