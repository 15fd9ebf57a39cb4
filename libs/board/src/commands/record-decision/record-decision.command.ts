import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import type { DecisionInput } from '../decision-content.request.js';
import { DecisionRecorder, type RecordedDecision } from '../decision-recorder.js';

export class RecordDecisionCommand extends Command<RecordedDecision> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
    readonly itemId: string,
    readonly decision: DecisionInput,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler implements ICommandHandler<RecordDecisionCommand, RecordedDecision> {
  constructor(private readonly recorder: DecisionRecorder) {}

  execute({ context, meetingId, itemId, decision }: RecordDecisionCommand): Promise<RecordedDecision> {
    return this.recorder.record(context, meetingId, itemId, decision);
  }
}
