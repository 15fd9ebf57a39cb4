import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BoardStreams, type CommandContext, type WriteResult } from '#event-store';
import { Forbidden } from '#platform';
import {
  boardDecider,
  boardStream,
  meetingDecider,
  meetingStream,
  type BoardCommand,
  type MeetingCommand,
} from '../domain/index.js';

type MeetingType = MeetingCommand['type'];
type BoardType = BoardCommand['type'];

/** A meeting command's data as the caller gives it: the meeting id and the time come from the route and clock. */
export type MeetingInput<T extends MeetingType> = Omit<
  Extract<MeetingCommand, { type: T }>['data'],
  'meetingId' | 'at'
>;

/** A board command's data as the caller gives it: the tenant and time come from the command context. */
export type BoardInput<T extends BoardType> = Omit<Extract<BoardCommand, { type: T }>['data'], 'tenantId' | 'at'>;

export function runOnMeeting<T extends MeetingType>(
  streams: BoardStreams,
  type: T,
  meetingId: string,
  input: MeetingInput<T>,
  context: CommandContext,
): Promise<WriteResult> {
  const command = { type, data: { ...input, meetingId, at: context.now } } as Extract<MeetingCommand, { type: T }>;
  return streams.run(meetingDecider, meetingStream(meetingId), command, context, { id: meetingId });
}

export function runOnBoard<T extends BoardType>(
  streams: BoardStreams,
  type: T,
  input: BoardInput<T>,
  context: CommandContext,
): Promise<WriteResult> {
  const { tenantId } = context;
  const data = { ...input, tenantId, at: context.now };
  const command = { type, data } as unknown as Extract<BoardCommand, { type: T }>;
  return streams.run(boardDecider, boardStream(tenantId), command, context, { id: tenantId });
}

/** The issue: short notice needs "the chair's recorded reason for urgency"; a clerk cannot give it. */
export function requireChairForUrgency(context: CommandContext, urgencyReason: string | undefined): void {
  if (urgencyReason !== undefined && context.actor.role !== 'chair') {
    throw new Forbidden('Only the chair can record a reason for urgency.');
  }
}

/**
 * A meeting command that needs no facts beyond its own stream (close, adjourn, minutes, agenda changes):
 * one generic handler runs them all through the one writer. A use case that gathers facts first (open,
 * schedule, reschedule, add an item) keeps a handler of its own.
 */
export class RunOnMeetingCommand<T extends MeetingType = MeetingType> extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly type: T,
    readonly meetingId: string,
    readonly input: MeetingInput<T>,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(RunOnMeetingCommand)
export class RunOnMeetingHandler implements ICommandHandler<RunOnMeetingCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, type, meetingId, input }: RunOnMeetingCommand): Promise<WriteResult> {
    return runOnMeeting(this.streams, type, meetingId, input, context);
  }
}

/** A board command that needs no facts beyond the board's stream (configure, stand a member down). */
export class RunOnBoardCommand<T extends BoardType = BoardType> extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly type: T,
    readonly input: BoardInput<T>,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(RunOnBoardCommand)
export class RunOnBoardHandler implements ICommandHandler<RunOnBoardCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, type, input }: RunOnBoardCommand): Promise<WriteResult> {
    return runOnBoard(this.streams, type, input, context);
  }
}
