import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';

import { runOnMeeting, type MeetingInput } from '../shared/run-on.js';

export class WithdrawAgendaItemCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
    readonly input: MeetingInput<'WithdrawAgendaItem'>,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(WithdrawAgendaItemCommand)
export class WithdrawAgendaItemHandler implements ICommandHandler<WithdrawAgendaItemCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, meetingId, input }: WithdrawAgendaItemCommand): Promise<WriteResult> {
    return runOnMeeting(this.streams, 'WithdrawAgendaItem', meetingId, input, context);
  }
}
