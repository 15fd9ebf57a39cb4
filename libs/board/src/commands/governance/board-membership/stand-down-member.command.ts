import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';

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
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, input }: StandDownMemberCommand): Promise<WriteResult> {
    return runOnBoard(this.streams, 'StandDownMember', input, context);
  }
}
