import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BoardStreams, type CommandContext, type WriteResult } from '#event-store';
import { NotFound } from '#platform';
import {
  contributionDecider,
  contributionStream,
  type ContributionErased,
  type ErasureGround,
} from '../../domain/index.js';
import { SubjectKeyShredder } from './subject-key-shredder.js';

export class EraseContributionCommand extends Command<WriteResult> {
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
export class EraseContributionHandler implements ICommandHandler<EraseContributionCommand, WriteResult> {
  constructor(
    private readonly streams: BoardStreams,
    private readonly shredder: SubjectKeyShredder,
  ) {}

  async execute({ context, contributionId, ground, reason }: EraseContributionCommand): Promise<WriteResult> {
    const stream = contributionStream(contributionId);
    const noSuchView = () => new NotFound('There is no such view.');
    if ((await this.streams.read(stream, context.tenantId)).length === 0) throw noSuchView();
    // Refuse before writing anything if no key could be destroyed afterwards.
    if (!this.shredder.canDestroyKeys) throw new Error('erasure needs an event store that seals personal data');
    const { result, decided } = await this.streams.write(
      contributionDecider,
      stream,
      {
        type: 'EraseContribution',
        data: { contributionId, erasedBy: context.actor.id, ground, reason, at: context.now },
      },
      context,
      { id: contributionId, mustExist: noSuchView },
    );
    const erased = decided.find((e): e is ContributionErased => e.type === 'ContributionErased');
    if (erased) await this.shredder.destroy(erased.data.subject);
    return result;
  }
}
