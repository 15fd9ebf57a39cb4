import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import { BoardAggregates, type WriteResult } from '../../shared/board-aggregates.js';
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
  constructor(private readonly aggregates: BoardAggregates) {}

  execute({ context, meetingId, input }: WithdrawAgendaItemCommand): Promise<WriteResult> {
    return runOnMeeting(this.aggregates, 'WithdrawAgendaItem', meetingId, input, context);
  }
}
