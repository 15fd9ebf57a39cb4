import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';

import { runOnMeeting, type MeetingInput } from '../shared/run-on.js';

/** Chair only (the route says so): the notice is checked on London dates against the clock's now. */
export class PublishAgendaCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
    readonly input: MeetingInput<'PublishAgenda'>,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(PublishAgendaCommand)
export class PublishAgendaHandler implements ICommandHandler<PublishAgendaCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, meetingId, input }: PublishAgendaCommand): Promise<WriteResult> {
    return runOnMeeting(this.streams, 'PublishAgenda', meetingId, input, context);
  }
}
