import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';
import { boardFacts, londonDateOf, membersServingOn } from '../../domain/index.js';
import { BoardAggregates } from '../board-aggregates.js';
import { runOnMeeting, type MeetingInput } from '../run-on.js';

export class OpenMeetingCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
    readonly input: Omit<MeetingInput<'OpenMeeting'>, 'facts'>,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(OpenMeetingCommand)
export class OpenMeetingHandler implements ICommandHandler<OpenMeetingCommand, WriteResult> {
  constructor(
    private readonly aggregates: BoardAggregates,
    private readonly streams: BoardStreams,
  ) {}

  async execute({ context, meetingId, input }: OpenMeetingCommand): Promise<WriteResult> {
    // Another tenant's (or no) meeting is "not found" here, before the board is read.
    const meeting = await this.aggregates.meeting(context.tenantId, meetingId);
    const board = await this.aggregates.board(context.tenantId);
    // Membership on the meeting's own day, as a Londoner counts days; the quorum the board sets now.
    const members = membersServingOn(board, londonDateOf(meeting.startsAt));
    const { quorum } = boardFacts(board);
    return runOnMeeting(this.streams, 'OpenMeeting', meetingId, { ...input, facts: { members, quorum } }, context);
  }
}
