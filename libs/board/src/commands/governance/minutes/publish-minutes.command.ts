import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import { BoardAggregates, type WriteResult } from '../../shared/board-aggregates.js';
import { runOnMeeting } from '../shared/run-on.js';

/** Only minutes approved at a later meeting (ApproveMinutes, a decision there) can be published. */
export class PublishMinutesCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(PublishMinutesCommand)
export class PublishMinutesHandler implements ICommandHandler<PublishMinutesCommand, WriteResult> {
  constructor(private readonly aggregates: BoardAggregates) {}

  execute({ context, meetingId }: PublishMinutesCommand): Promise<WriteResult> {
    return runOnMeeting(this.aggregates, 'PublishMinutes', meetingId, {}, context);
  }
}
