import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandContext, type EventStore } from '#event-store';
import {
  safeguardingCaseDecider,
  safeguardingCaseStream,
  type SafeguardingCaseCommand,
  type SafeguardingOutcome,
} from '../../domain/index.js';
import type { ContributionWriteResult } from '../shared/staff-contribution-writer.js';

/** The named lead or deputy acknowledges a case, or records its outcome (after acknowledging). */
export class SafeguardingCaseStepCommand extends Command<ContributionWriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly caseId: string,
    readonly step: { kind: 'acknowledge' } | { kind: 'outcome'; outcome: SafeguardingOutcome; reason: string },
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(SafeguardingCaseStepCommand)
export class SafeguardingCaseStepHandler implements ICommandHandler<
  SafeguardingCaseStepCommand,
  ContributionWriteResult
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ context, caseId, step }: SafeguardingCaseStepCommand): Promise<ContributionWriteResult> {
    const by = context.actor.id;
    const command: SafeguardingCaseCommand =
      step.kind === 'acknowledge'
        ? { type: 'AcknowledgeCase', data: { caseId, by, at: context.now } }
        : { type: 'RecordOutcome', data: { caseId, outcome: step.outcome, reason: step.reason, by, at: context.now } };
    // Another tenant's case: StreamOfAnotherTenant (404); no such case: the decider's NotFound.
    const { events, append } = await handleCommand(
      this.store,
      safeguardingCaseDecider,
      safeguardingCaseStream(caseId),
      command,
      context,
    );
    return {
      id: caseId,
      revision: append ? append.nextRevision.toString() : null,
      duplicate: append?.duplicate ?? false,
      events: events.map((e) => e.type),
    };
  }
}
