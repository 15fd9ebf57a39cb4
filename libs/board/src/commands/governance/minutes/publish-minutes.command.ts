import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';

import { runOnMeeting } from '../shared/run-on.js';

/** Only minutes approved at a later meeting (ApproveMinutes, a decision there) can be published. */
export class PublishMinutesCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(PublishMinutesCommand)
export class PublishMinutesHandler implements ICommandHandler<PublishMinutesCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, meetingId }: PublishMinutesCommand): Promise<WriteResult> {
    return runOnMeeting(this.streams, 'PublishMinutes', meetingId, {}, context);
  }
}
