import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';

import { runOnMeeting } from '../shared/run-on.js';

export class DraftMinutesCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(DraftMinutesCommand)
export class DraftMinutesHandler implements ICommandHandler<DraftMinutesCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, meetingId }: DraftMinutesCommand): Promise<WriteResult> {
    return runOnMeeting(this.streams, 'DraftMinutes', meetingId, {}, context);
  }
}
