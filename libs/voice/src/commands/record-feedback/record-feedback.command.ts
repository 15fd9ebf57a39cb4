import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams } from '#event-store';
import { checkReadingAge, type ReadingAgeCheck } from '../../domain/index.js';
import { VoiceSettings } from '../../read-models/voice-settings/voice-settings.reader.js';
import type { GroupWriteResult } from '../table-views/table-views.command.js';
import { runOnEachView } from '../view-writes.js';
import { BoardRecords } from './board-records.js';

export interface FeedbackWriteResult extends GroupWriteResult {
  readonly feedbackId: string;
  /** How easy the response is for a young reader, against the board's limit (above it, a reason was given). */
  readonly readingAge: ReadingAgeCheck;
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
