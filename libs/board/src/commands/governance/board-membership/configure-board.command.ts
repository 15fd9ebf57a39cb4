import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import { BoardAggregates, type WriteResult } from '../../shared/board-aggregates.js';
import { runOnBoard, type BoardInput } from '../shared/run-on.js';

export class ConfigureBoardCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly input: BoardInput<'ConfigureBoard'>,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(ConfigureBoardCommand)
export class ConfigureBoardHandler implements ICommandHandler<ConfigureBoardCommand, WriteResult> {
  constructor(private readonly aggregates: BoardAggregates) {}

  execute({ context, input }: ConfigureBoardCommand): Promise<WriteResult> {
    return runOnBoard(this.aggregates, 'ConfigureBoard', input, context);
  }
}
