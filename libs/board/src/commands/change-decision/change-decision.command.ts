import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import type { DecisionInput } from '../decision-content.request.js';
import { DecisionRecorder, type RecordedDecision } from '../decision-recorder.js';

export interface LaterDecision {
  readonly meetingId: string;
  readonly itemId: string;
  readonly decision: DecisionInput;
}

/** A later meeting's decision that amends an earlier one; both stay in the history. */
export class AmendDecisionCommand extends Command<RecordedDecision> {
  constructor(
    readonly context: CommandContext,
    readonly originalId: string,
    readonly later: LaterDecision,
    readonly reason: string,
    readonly changes: string,
  ) {
    super();
  }
}

/** A later meeting's decision that replaces an earlier one, which can then change no more. */
export class SupersedeDecisionCommand extends Command<RecordedDecision> {
  constructor(
    readonly context: CommandContext,
    readonly originalId: string,
    readonly later: LaterDecision,
    readonly reason: string,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(AmendDecisionCommand)
export class AmendDecisionHandler implements ICommandHandler<AmendDecisionCommand, RecordedDecision> {
  constructor(private readonly recorder: DecisionRecorder) {}

  execute({ context, originalId, later, reason, changes }: AmendDecisionCommand): Promise<RecordedDecision> {
    const amends = { decisionId: originalId, reason, changes };
    return this.recorder.record(context, later.meetingId, later.itemId, { ...later.decision, amends });
  }
}

@Injectable()
@CommandHandler(SupersedeDecisionCommand)
export class SupersedeDecisionHandler implements ICommandHandler<SupersedeDecisionCommand, RecordedDecision> {
  constructor(private readonly recorder: DecisionRecorder) {}

  execute({ context, originalId, later, reason }: SupersedeDecisionCommand): Promise<RecordedDecision> {
    const supersedes = { decisionId: originalId, reason };
    return this.recorder.record(context, later.meetingId, later.itemId, { ...later.decision, supersedes });
  }
}
