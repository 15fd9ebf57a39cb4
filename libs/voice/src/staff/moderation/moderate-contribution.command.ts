import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import type { Moderation } from '../../domain/index.js';
import { StaffContributionWriter, type ContributionWriteResult } from '../shared/staff-contribution-writer.js';

export class ModerateContributionCommand extends Command<ContributionWriteResult> {
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
export class ModerateContributionHandler implements ICommandHandler<
  ModerateContributionCommand,
  ContributionWriteResult
> {
  constructor(private readonly writer: StaffContributionWriter) {}

  execute({ context, contributionId, moderation }: ModerateContributionCommand): Promise<ContributionWriteResult> {
    return this.writer.run(
      { type: 'ModerateContribution', data: { contributionId, moderation, at: context.now } },
      context,
    );
  }
}

/** A moderator writes (or rewrites) the summary the board reads of a view shared "summary only". */
export class SummariseContributionCommand extends Command<ContributionWriteResult> {
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
export class SummariseContributionHandler implements ICommandHandler<
  SummariseContributionCommand,
  ContributionWriteResult
> {
  constructor(private readonly writer: StaffContributionWriter) {}

  execute({ context, contributionId, text }: SummariseContributionCommand): Promise<ContributionWriteResult> {
    return this.writer.run({ type: 'SummariseContribution', data: { contributionId, text, at: context.now } }, context);
  }
}
