import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';

import { requireChairForUrgency, runOnMeeting, type MeetingInput } from '../run-on.js';

export class RescheduleMeetingCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
    readonly input: MeetingInput<'RescheduleMeeting'>,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(RescheduleMeetingCommand)
export class RescheduleMeetingHandler implements ICommandHandler<RescheduleMeetingCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, meetingId, input }: RescheduleMeetingCommand): Promise<WriteResult> {
    requireChairForUrgency(context, input.urgencyReason);
    return runOnMeeting(this.streams, 'RescheduleMeeting', meetingId, input, context);
  }
}
