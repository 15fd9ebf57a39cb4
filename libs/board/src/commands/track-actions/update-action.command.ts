import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, BoardStreams, type WriteResult } from '#event-store';
import { Forbidden } from '#platform';
import {
  actionDecider,
  actionStream,
  type ActionOwner,
  type CancelAction,
  type CompleteAction,
  type RecordProgress,
} from '../../domain/index.js';
import { BoardAggregates } from '../board-aggregates.js';

/** What the caller asks of an open action: its data as given (the action id and time are added here). */
export type ActionUpdate =
  | { readonly type: 'RecordProgress'; readonly note: string }
  | { readonly type: 'CompleteAction'; readonly evidence: string }
  | { readonly type: 'CancelAction'; readonly reason: string };

export class UpdateActionCommand extends Command<WriteResult> {
  constructor(
    readonly context: CommandContext,
    readonly actionId: string,
    readonly update: ActionUpdate,
  ) {
    super();
  }
}

/** An officer acting as an officer may update only the actions they own (matched by their staff user id). */
export function mayUpdate(context: CommandContext, owner: ActionOwner | undefined): boolean {
  if (context.actor.role !== 'officer') return true; // the route's roles admitted the chair or clerk
  return owner?.officer?.id !== undefined && owner.officer.id === context.actor.id;
}

@Injectable()
@CommandHandler(UpdateActionCommand)
export class UpdateActionHandler implements ICommandHandler<UpdateActionCommand, WriteResult> {
  constructor(
    private readonly aggregates: BoardAggregates,
    private readonly streams: BoardStreams,
  ) {}

  async execute({ context, actionId, update }: UpdateActionCommand): Promise<WriteResult> {
    const action = await this.aggregates.action(context.tenantId, actionId);
    if (!mayUpdate(context, action.owner)) {
      throw new Forbidden('An officer may update only the actions they own.');
    }
    const command = toCommand(actionId, update, context.now);
    return this.streams.run(actionDecider, actionStream(actionId), command, context, { id: actionId });
  }
}

function toCommand(actionId: string, update: ActionUpdate, at: string): RecordProgress | CompleteAction | CancelAction {
  switch (update.type) {
    case 'RecordProgress':
      return { type: 'RecordProgress', data: { actionId, note: update.note, at } };
    case 'CompleteAction':
      return { type: 'CompleteAction', data: { actionId, evidence: update.evidence, at } };
    case 'CancelAction':
      return { type: 'CancelAction', data: { actionId, reason: update.reason, at } };
  }
}
