import { idForNew, BoardStreams, type WriteResult } from '#event-store';
import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';

import { requireChairForUrgency, runOnMeeting, type MeetingInput } from '../run-on.js';

export type AgendaItemAddedResult = WriteResult & { readonly itemId: string };

export class AddAgendaItemCommand extends Command<AgendaItemAddedResult> {
  constructor(
    readonly context: CommandContext,
    readonly meetingId: string,
    readonly input: Omit<MeetingInput<'AddAgendaItem'>, 'itemId'> & { readonly itemId?: string },
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(AddAgendaItemCommand)
export class AddAgendaItemHandler implements ICommandHandler<AddAgendaItemCommand, AgendaItemAddedResult> {
  constructor(private readonly streams: BoardStreams) {}

  async execute({ context, meetingId, input }: AddAgendaItemCommand): Promise<AgendaItemAddedResult> {
    requireChairForUrgency(context, input.urgencyReason);
    const itemId = idForNew(context, 'agenda-item', input.itemId);
    const result = await runOnMeeting(this.streams, 'AddAgendaItem', meetingId, { ...input, itemId }, context);
    return { itemId, ...result };
  }
}
