import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';

import { runOnMeeting, type MeetingInput } from '../shared/run-on.js';

export class DeclareInterestCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
    readonly input: MeetingInput<'DeclareInterest'>,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(DeclareInterestCommand)
export class DeclareInterestHandler implements ICommandHandler<DeclareInterestCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, meetingId, input }: DeclareInterestCommand): Promise<WriteResult> {
    return runOnMeeting(this.streams, 'DeclareInterest', meetingId, input, context);
  }
}
