import { idForNew } from '#event-store';
import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';
import { BoardAggregates, type WriteResult } from '../../shared/board-aggregates.js';
import { runOnBoard, type BoardInput } from '../shared/run-on.js';

export type MemberAppointedResult = WriteResult & { readonly memberId: string };

export class AppointMemberCommand extends Command<MemberAppointedResult> {
  constructor(
    readonly context: CommandContext,
    readonly input: Omit<BoardInput<'AppointMember'>, 'memberId'> & { readonly memberId?: string },
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(AppointMemberCommand)
export class AppointMemberHandler implements ICommandHandler<AppointMemberCommand, MemberAppointedResult> {
  constructor(private readonly aggregates: BoardAggregates) {}

  async execute({ context, input }: AppointMemberCommand): Promise<MemberAppointedResult> {
    const memberId = idForNew(context, 'member', input.memberId);
    const result = await runOnBoard(this.aggregates, 'AppointMember', { ...input, memberId }, context);
    return { memberId, ...result };
  }
}
