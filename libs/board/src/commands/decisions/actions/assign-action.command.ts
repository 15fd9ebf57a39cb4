import { idForNew } from '#event-store';
import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import {
  actionDecider,
  actionStream,
  decisionFacts,
  type ActionOwner,
  type AssignAction,
} from '../../../domain/index.js';
import { BoardAggregates, type WriteResult } from '../../shared/board-aggregates.js';

export interface ActionInput {
  readonly actionId?: string;
  readonly description: string;
  readonly owner: ActionOwner;
  readonly dueOn: string;
}

export type ActionAssignedResult = WriteResult & { readonly actionId: string };

export class AssignActionCommand extends Command<ActionAssignedResult> {
  constructor(
    readonly context: CommandContext,
    readonly decisionId: string,
    readonly input: ActionInput,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(AssignActionCommand)
export class AssignActionHandler implements ICommandHandler<AssignActionCommand, ActionAssignedResult> {
  constructor(private readonly aggregates: BoardAggregates) {}

  async execute({ context, decisionId, input }: AssignActionCommand): Promise<ActionAssignedResult> {
    // The assigning decision must exist in the caller's board (else 404) and not be superseded.
    const decision = await this.aggregates.decision(context.tenantId, decisionId);
    const actionId = idForNew(context, 'action', input.actionId);
    const command: AssignAction = {
      type: 'AssignAction',
      data: {
        actionId,
        decisionId,
        description: input.description,
        owner: input.owner,
        dueOn: input.dueOn,
        at: context.now,
        facts: { decision: decisionFacts(decisionId, decision) },
      },
    };
    const result = await this.aggregates.run(actionDecider, actionStream(actionId), actionId, command, context);
    return { actionId, ...result };
  }
}
