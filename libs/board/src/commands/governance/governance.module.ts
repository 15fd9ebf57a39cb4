import { Module } from '@nestjs/common';
import { AppointMemberHandler } from './board-membership/appoint-member.command.js';
import { BoardMembershipController } from './board-membership/board-membership.controller.js';
import { ConfigureBoardHandler } from './board-membership/configure-board.command.js';
import { StandDownMemberHandler } from './board-membership/stand-down-member.command.js';
import { DraftMinutesHandler } from './minutes/draft-minutes.command.js';
import { MinutesController } from './minutes/minutes.controller.js';
import { PublishMinutesHandler } from './minutes/publish-minutes.command.js';
import { AddAgendaItemHandler } from './prepare-meeting/add-agenda-item.command.js';
import { CancelMeetingHandler } from './prepare-meeting/cancel-meeting.command.js';
import { PrepareMeetingController } from './prepare-meeting/prepare-meeting.controller.js';
import { PublishAgendaHandler } from './prepare-meeting/publish-agenda.command.js';
import { ReorderAgendaHandler } from './prepare-meeting/reorder-agenda.command.js';
import { RescheduleMeetingHandler } from './prepare-meeting/reschedule-meeting.command.js';
import { ScheduleMeetingHandler } from './prepare-meeting/schedule-meeting.command.js';
import { WithdrawAgendaItemHandler } from './prepare-meeting/withdraw-agenda-item.command.js';
import { AdjournMeetingHandler } from './run-meeting/adjourn-meeting.command.js';
import { CloseMeetingHandler } from './run-meeting/close-meeting.command.js';
import { DeclareInterestHandler } from './run-meeting/declare-interest.command.js';
import { OpenMeetingHandler } from './run-meeting/open-meeting.command.js';
import { RecordMinutesHandler } from './run-meeting/record-minutes.command.js';
import { RunMeetingController } from './run-meeting/run-meeting.controller.js';

/**
 * Board membership and the meeting cycle: schedule, agenda, open, minutes, close, draft, publish.
 * Approving minutes is a decision at the next meeting (the decisions module). BoardAggregates is global.
 */
@Module({
  controllers: [BoardMembershipController, PrepareMeetingController, RunMeetingController, MinutesController],
  providers: [
    ConfigureBoardHandler,
    AppointMemberHandler,
    StandDownMemberHandler,
    ScheduleMeetingHandler,
    RescheduleMeetingHandler,
    CancelMeetingHandler,
    AddAgendaItemHandler,
    WithdrawAgendaItemHandler,
    ReorderAgendaHandler,
    PublishAgendaHandler,
    OpenMeetingHandler,
    DeclareInterestHandler,
    RecordMinutesHandler,
    CloseMeetingHandler,
    AdjournMeetingHandler,
    DraftMinutesHandler,
    PublishMinutesHandler,
  ],
})
export class GovernanceCommandsModule {}
