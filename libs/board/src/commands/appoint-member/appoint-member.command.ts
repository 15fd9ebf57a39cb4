import { idForNew, BoardStreams, type WriteResult } from '#event-store';
import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#event-store';

import { runOnBoard, type BoardInput } from '../run-on.js';

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
  constructor(private readonly streams: BoardStreams) {}

  async execute({ context, input }: AppointMemberCommand): Promise<MemberAppointedResult> {
    const memberId = idForNew(context, 'member', input.memberId);
    const result = await runOnBoard(this.streams, 'AppointMember', { ...input, memberId }, context);
    return { memberId, ...result };
  }
}
