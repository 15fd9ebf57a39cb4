import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, foldRecorded, handleCommand, type CommandContext, type EventStore } from '#event-store';
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

  /**
   * One command per view of a group: each its own stream and command id (retries stay idempotent).
   * Every view is checked (tenant, the domain's rules) before any is written, so a refused group changes
   * nothing; only a concurrent change between the check and the write could split it.
   */
  async runEach(
    contributionIds: readonly string[],
    command: (contributionId: string) => ContributionCommand,
    context: CommandContext,
  ): Promise<ContributionWriteResult[]> {
    const ids = [...new Set(contributionIds)];
    for (const id of ids) {
      const recorded = await this.store.readStream(contributionStream(id));
      if (recorded.length === 0 || recorded[0]!.metadata.tenantId !== context.tenantId) {
        throw new NotFound('There is no such view.');
      }
      // A retry of this very command was already written: handleCommand answers it as the first time.
      const commandId = `${context.commandId}.${id}`;
      if (recorded.some((e) => e.metadata.commandId === commandId)) continue;
      const state = foldRecorded(contributionDecider, recorded);
      contributionDecider.decide(command(id), state);
    }
    const results: ContributionWriteResult[] = [];
    for (const id of ids) {
      results.push(await this.run(command(id), { ...context, commandId: `${context.commandId}.${id}` }));
    }
    return results;
  }
}
