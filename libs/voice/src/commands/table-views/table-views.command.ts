import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';
import { MeetingCheck } from '../meeting-check.js';
import { runOnEachView } from '../view-writes.js';

export interface GroupWriteResult {
  readonly views: readonly WriteResult[];
}

/** Tables accepted views at an agenda item, or marks them considered there. */
export class TableViewsCommand extends Command<GroupWriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly step: 'table' | 'considered',
    readonly meetingId: string,
    readonly itemId: string,
    readonly contributionIds: readonly string[],
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(TableViewsCommand)
export class TableViewsHandler implements ICommandHandler<TableViewsCommand, GroupWriteResult> {
  constructor(
    private readonly streams: BoardStreams,
    private readonly meetings: MeetingCheck,
  ) {}

  async execute({ context, step, meetingId, itemId, contributionIds }: TableViewsCommand): Promise<GroupWriteResult> {
    await this.meetings.require(context.tenantId, meetingId, itemId);
    const type = step === 'table' ? 'TableContribution' : 'MarkConsidered';
    const views = await runOnEachView(
      this.streams,
      contributionIds,
      (contributionId) => ({ type, data: { contributionId, meetingId, itemId, at: context.now } }),
      context,
    );
    return { views };
  }
}
