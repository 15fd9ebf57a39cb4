import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import { BoardAggregates, type WriteResult } from '../../shared/board-aggregates.js';
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
  constructor(private readonly aggregates: BoardAggregates) {}

  execute({ context, meetingId }: CloseMeetingCommand): Promise<WriteResult> {
    return runOnMeeting(this.aggregates, 'CloseMeeting', meetingId, {}, context);
  }
}
