import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';
import { BoardRecords } from '../../voice-providers/board-records.js';
import { MeetingCheck } from '../../voice-providers/meeting-check.js';
import { runOnEachView } from '../../domain-writes/view-writes.js';
import { checkReadingAge, type ReadingAgeCheck } from '../../domain/index.js';
import { VoiceSettings } from '../../settings/voice-settings.reader.js';

export interface GroupWriteResult {
  readonly views: readonly WriteResult[];
}

export interface FeedbackWriteResult extends GroupWriteResult {
  readonly feedbackId: string;
  /** How easy the response is for a young reader, against the board's limit (above it, a reason was given). */
  readonly readingAge: ReadingAgeCheck;
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

/** One response for a group of views: the same feedbackId recorded on each. */
export class RecordFeedbackCommand extends Command<FeedbackWriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly contributionIds: readonly string[],
    readonly text: string,
    readonly decisionIds: readonly string[],
    readonly actionIds: readonly string[],
    /** Why it must go as it is, when it reads above the board's limit. */
    readonly readingAgeReason?: string,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(RecordFeedbackCommand)
export class RecordFeedbackHandler implements ICommandHandler<RecordFeedbackCommand, FeedbackWriteResult> {
  constructor(
    private readonly streams: BoardStreams,
    private readonly records: BoardRecords,
    private readonly settings: VoiceSettings,
  ) {}

  async execute(command: RecordFeedbackCommand): Promise<FeedbackWriteResult> {
    const { context, contributionIds, text, decisionIds, actionIds, readingAgeReason } = command;
    // The decider measures the answer against the board's limit: above it, refused without a reason (422).
    const readingAgeLimit = await this.settings.answerReadingAge(context.tenantId);
    // The decisions and actions a response points to are shown to young people: they must be this board's.
    await this.records.requireDecisions(context.tenantId, decisionIds);
    await this.records.requireActions(context.tenantId, actionIds);
    // Stable across retries of the same request (same Idempotency-Key), fresh otherwise.
    const feedbackId = `feedback-${context.commandId}`;
    const views = await runOnEachView(
      this.streams,
      contributionIds,
      (contributionId) => ({
        type: 'RecordFeedback',
        data: {
          contributionId,
          feedbackId,
          text,
          decisionIds,
          actionIds,
          ...(readingAgeReason !== undefined ? { readingAgeReason } : {}),
          at: context.now,
          facts: { readingAgeLimit },
        },
      }),
      context,
    );
    return { feedbackId, views, readingAge: checkReadingAge(text, readingAgeLimit) };
  }
}
