import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import { BoardAggregates, type WriteResult } from '../../shared/board-aggregates.js';
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
  constructor(private readonly aggregates: BoardAggregates) {}

  execute({ context, meetingId }: DraftMinutesCommand): Promise<WriteResult> {
    return runOnMeeting(this.aggregates, 'DraftMinutes', meetingId, {}, context);
  }
}
