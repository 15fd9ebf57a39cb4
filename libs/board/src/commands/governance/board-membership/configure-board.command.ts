import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';

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
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, input }: ConfigureBoardCommand): Promise<WriteResult> {
    return runOnBoard(this.streams, 'ConfigureBoard', input, context);
  }
}
