import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';
import type { Moderation } from '../../domain/index.js';
import { runOnView } from '../shared/view-writes.js';

export class ModerateContributionCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly contributionId: string,
    readonly moderation: Moderation,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(ModerateContributionCommand)
export class ModerateContributionHandler implements ICommandHandler<ModerateContributionCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, contributionId, moderation }: ModerateContributionCommand): Promise<WriteResult> {
    return runOnView(
      this.streams,
      { type: 'ModerateContribution', data: { contributionId, moderation, at: context.now } },
      context,
    );
  }
}

/** A moderator writes (or rewrites) the summary the board reads of a view shared "summary only". */
export class SummariseContributionCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly contributionId: string,
    readonly text: string,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(SummariseContributionCommand)
export class SummariseContributionHandler implements ICommandHandler<SummariseContributionCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  execute({ context, contributionId, text }: SummariseContributionCommand): Promise<WriteResult> {
    return runOnView(
      this.streams,
      { type: 'SummariseContribution', data: { contributionId, text, at: context.now } },
      context,
    );
  }
}
