import type { BoardStreams, CommandContext, WriteResult } from '#event-store';
import { Forbidden } from '#platform';
import {
  boardDecider,
  boardStream,
  meetingDecider,
  meetingStream,
  type BoardCommand,
  type MeetingCommand,
} from '../../../domain/index.js';

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
