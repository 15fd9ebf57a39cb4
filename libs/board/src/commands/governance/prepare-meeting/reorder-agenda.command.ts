import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';

import { runOnMeeting, type MeetingInput } from '../shared/run-on.js';

export class ReorderAgendaCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
    readonly input: MeetingInput<'ReorderAgenda'>,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(ReorderAgendaCommand)
export class ReorderAgendaHandler implements ICommandHandler<ReorderAgendaCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, meetingId, input }: ReorderAgendaCommand): Promise<WriteResult> {
    return runOnMeeting(this.streams, 'ReorderAgenda', meetingId, input, context);
  }
}
