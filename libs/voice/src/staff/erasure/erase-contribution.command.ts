import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandContext, type EventStore } from '#event-store';
import { NotFound } from '#platform';
import {
  contributionDecider,
  contributionStream,
  type ContributionErased,
  type ErasureGround,
} from '../../domain/index.js';
import type { ContributionWriteResult } from '../shared/staff-contribution-writer.js';
import { SubjectKeyShredder } from './subject-key-shredder.js';

export class EraseContributionCommand extends Command<ContributionWriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly contributionId: string,
    readonly ground: ErasureGround,
    readonly reason: string,
  ) {
    super();
  }
}

/**
 * Records the erasure, then destroys the author's key at once. Append first: the event is the durable
 * decision, and SubjectKeyShredder finishes the key's destruction after a crash (see there why).
 * A retry with the same Idempotency-Key answers as the first time (and destroys again, a no-op);
 * erasing an erased view again is refused by the domain (422 contribution-erased) and changes nothing.
 */
@Injectable()
@CommandHandler(EraseContributionCommand)
export class EraseContributionHandler implements ICommandHandler<EraseContributionCommand, ContributionWriteResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly shredder: SubjectKeyShredder,
  ) {}

  async execute({
    context,
    contributionId,
    ground,
    reason,
  }: EraseContributionCommand): Promise<ContributionWriteResult> {
    const stream = contributionStream(contributionId);
    const [first] = await this.store.readStream(stream, { maxCount: 1 });
    if (!first || first.metadata.tenantId !== context.tenantId) throw new NotFound('There is no such view.');
    // Refuse before writing anything if no key could be destroyed afterwards.
    if (!this.shredder.canDestroyKeys) throw new Error('erasure needs an event store that seals personal data');
    const { events, append } = await handleCommand(
      this.store,
      contributionDecider,
      stream,
      {
        type: 'EraseContribution',
        data: { contributionId, erasedBy: context.actor.id, ground, reason, at: context.now },
      },
      context,
    );
    const erased = events.find((e): e is ContributionErased => e.type === 'ContributionErased');
    if (erased) await this.shredder.destroy(erased.data.subject);
    return {
      id: contributionId,
      revision: append ? append.nextRevision.toString() : null,
      duplicate: append?.duplicate ?? false,
      events: events.map((e) => e.type),
    };
  }
}
