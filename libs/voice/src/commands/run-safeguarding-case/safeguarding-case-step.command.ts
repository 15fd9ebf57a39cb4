import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BoardStreams, type CommandContext, type WriteResult } from '#event-store';
import {
  safeguardingCaseDecider,
  safeguardingCaseStream,
  type SafeguardingCaseCommand,
  type SafeguardingOutcome,
} from '../../domain/index.js';

/** The named lead or deputy acknowledges a case, or records its outcome (after acknowledging). */
export class SafeguardingCaseStepCommand extends Command<WriteResult> {
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
export class SafeguardingCaseStepHandler implements ICommandHandler<SafeguardingCaseStepCommand, WriteResult> {
  constructor(private readonly streams: BoardStreams) {}

  async execute({ context, caseId, step }: SafeguardingCaseStepCommand): Promise<WriteResult> {
    const by = context.actor.id;
    const command: SafeguardingCaseCommand =
      step.kind === 'acknowledge'
        ? { type: 'AcknowledgeCase', data: { caseId, by, at: context.now } }
        : { type: 'RecordOutcome', data: { caseId, outcome: step.outcome, reason: step.reason, by, at: context.now } };
    // Another tenant's case: StreamOfAnotherTenant (404); no such case: the decider's NotFound.
    return this.streams.run(safeguardingCaseDecider, safeguardingCaseStream(caseId), command, context, { id: caseId });
  }
}
