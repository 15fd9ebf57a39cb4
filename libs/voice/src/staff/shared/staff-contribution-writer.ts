import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, handleCommand, type CommandContext, type EventStore } from '#event-store';
import { NotFound } from '#platform';
import { contributionDecider, contributionStream, type ContributionCommand } from '../../domain/index.js';

/** What a staff write on a view answers: its id, new revision, events, and whether it was a retry. */
export interface ContributionWriteResult {
  readonly id: string;
  readonly revision: string | null;
  readonly duplicate: boolean;
  readonly events: readonly string[];
}

/** Runs staff commands on a view's stream; a view absent or of another tenant is "not found" (404). */
@Injectable()
export class StaffContributionWriter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async run(command: ContributionCommand, context: CommandContext): Promise<ContributionWriteResult> {
    const id = command.data.contributionId;
    const stream = contributionStream(id);
    const [first] = await this.store.readStream(stream, { maxCount: 1 });
    if (!first || first.metadata.tenantId !== context.tenantId) throw new NotFound('There is no such view.');
    const { events, append } = await handleCommand(this.store, contributionDecider, stream, command, context);
    return {
      id,
      revision: append ? append.nextRevision.toString() : null,
      duplicate: append?.duplicate ?? false,
      events: events.map((e) => e.type),
    };
  }

  /** One command per view of a group: each its own stream, each its own command id (retries stay idempotent). */
  async runEach(
    contributionIds: readonly string[],
    command: (contributionId: string) => ContributionCommand,
    context: CommandContext,
  ): Promise<ContributionWriteResult[]> {
    const results: ContributionWriteResult[] = [];
    for (const contributionId of contributionIds) {
      results.push(
        await this.run(command(contributionId), { ...context, commandId: `${context.commandId}.${contributionId}` }),
      );
    }
    return results;
  }
}
