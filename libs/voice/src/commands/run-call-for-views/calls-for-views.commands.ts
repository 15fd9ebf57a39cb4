import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BoardStreams, idForNew, type CommandContext, type WriteResult } from '#event-store';
import { callForViewsDecider, callForViewsStream, type CallForViewsCommand } from '../../domain/index.js';
import { MeetingCheck } from '../meeting-check.js';

/** A write on a call answers as every write does. */
export type CallWriteResult = WriteResult;

export interface OpenCallInput {
  readonly callId?: string;
  readonly question: string;
  readonly closesOn: string;
  readonly meetingId?: string;
  readonly itemId?: string;
  readonly themes?: readonly string[];
}

/** The board asks young people a question, open until the end of a London day. */
export class OpenCallCommand extends Command<CallWriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly input: OpenCallInput,
  ) {
    super();
  }
}

/** Closes a call before its closing date; later views are still taken, marked late. */
export class CloseCallCommand extends Command<CallWriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly callId: string,
    readonly reason?: string,
  ) {
    super();
  }
}

/** Read, fold, decide, append on the call's stream; another board's call is "not found" (404). */
function runOnCall(streams: BoardStreams, callId: string, command: CallForViewsCommand, context: CommandContext) {
  return streams.run(callForViewsDecider, callForViewsStream(callId), command, context, { id: callId });
}

@Injectable()
@CommandHandler(OpenCallCommand)
export class OpenCallHandler implements ICommandHandler<OpenCallCommand, CallWriteResult> {
  constructor(
    private readonly streams: BoardStreams,
    private readonly meetings: MeetingCheck,
  ) {}

  async execute({ context, input }: OpenCallCommand): Promise<CallWriteResult> {
    // An item without its meeting is the decider's 400; a meeting or item not in this board is 404.
    if (input.meetingId !== undefined) {
      await this.meetings.require(context.tenantId, input.meetingId, input.itemId);
    }
    const callId = idForNew(context, 'call-for-views', input.callId);
    return runOnCall(
      this.streams,
      callId,
      {
        type: 'OpenCallForViews',
        data: {
          callId,
          question: input.question,
          closesOn: input.closesOn,
          meetingId: input.meetingId,
          itemId: input.itemId,
          themes: input.themes ?? [],
          at: context.now,
        },
      },
      context,
    );
  }
}

@Injectable()
@CommandHandler(CloseCallCommand)
export class CloseCallHandler implements ICommandHandler<CloseCallCommand, CallWriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, callId, reason }: CloseCallCommand): Promise<CallWriteResult> {
    return runOnCall(
      this.streams,
      callId,
      { type: 'CloseCallForViews', data: { callId, reason, at: context.now } },
      context,
    );
  }
}
