import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import { BoardAggregates, type WriteResult } from '../../shared/board-aggregates.js';
import { runOnBoard, type BoardInput } from '../shared/run-on.js';

export class StandDownMemberCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly input: BoardInput<'StandDownMember'>,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(StandDownMemberCommand)
export class StandDownMemberHandler implements ICommandHandler<StandDownMemberCommand, WriteResult> {
  constructor(private readonly aggregates: BoardAggregates) {}

  execute({ context, input }: StandDownMemberCommand): Promise<WriteResult> {
    return runOnBoard(this.aggregates, 'StandDownMember', input, context);
  }
}
