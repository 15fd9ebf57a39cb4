import { idForNew, BoardStreams, type WriteResult } from '#event-store';
import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import { IdentityService } from '#identity/contracts';
import { RuleBroken } from '#platform';
import {
  actionDecider,
  actionStream,
  currentTerm,
  decisionFacts,
  memberOf,
  type ActionOwner,
  type AssignAction,
} from '../../domain/index.js';
import { BoardAggregates } from '../board-aggregates.js';

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
  constructor(
    private readonly aggregates: BoardAggregates,
    private readonly streams: BoardStreams,
    private readonly identity: IdentityService,
  ) {}

  async execute({ context, decisionId, input }: AssignActionCommand): Promise<ActionAssignedResult> {
    // The assigning decision must exist in the caller's board (else 404) and not be superseded.
    const decision = await this.aggregates.decision(context.tenantId, decisionId);
    await this.requireOwnerOfThisBoard(context.tenantId, input.owner);
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
    const result = await this.streams.run(actionDecider, actionStream(actionId), command, context, { id: actionId });
    return { actionId, ...result };
  }

  /**
   * The owner is someone of the caller's board: a member serving now, or an officer's active staff
   * account (which lets them update the action). An unknown id, or another board's, is refused (422).
   */
  private async requireOwnerOfThisBoard(tenantId: string, owner: ActionOwner): Promise<void> {
    if (owner?.memberId != null) {
      const board = await this.aggregates.board(tenantId);
      if (!currentTerm(memberOf(board, owner.memberId))) {
        throw new RuleBroken('owner-not-a-member', 'The action’s owner is not a serving member of this board.');
      }
    }
    const officerId = owner?.officer?.id ?? undefined;
    if (officerId !== undefined && !(await this.identity.activeUser(officerId, tenantId))) {
      throw new RuleBroken(
        'owner-not-staff',
        'The officer named as the action’s owner has no active staff account on this board. ' +
          'Give their name alone if they have none.',
      );
    }
  }
}
