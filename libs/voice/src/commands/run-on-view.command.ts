import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BoardStreams, type CommandContext, type WriteResult } from '#event-store';
import type { ContributionCommand } from '../domain/index.js';
import { runOnView } from './view-writes.js';

/**
 * A staff command on one view that needs no facts beyond the view's own stream (moderate, summarise):
 * one generic handler runs them all through the one writer. A view absent or of another board is 404.
 */
export class RunOnViewCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly command: ContributionCommand,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(RunOnViewCommand)
export class RunOnViewHandler implements ICommandHandler<RunOnViewCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, command }: RunOnViewCommand): Promise<WriteResult> {
    return runOnView(this.streams, command, context);
  }
}
