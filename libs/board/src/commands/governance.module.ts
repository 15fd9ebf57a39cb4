import { Module } from '@nestjs/common';
import { AppointMemberHandler } from './appoint-member/appoint-member.command.js';
import { BoardMembershipController } from './appoint-member/board-membership.controller.js';
import { MinutesController } from './keep-minutes/minutes.controller.js';
import { AddAgendaItemHandler } from './prepare-meeting/add-agenda-item.command.js';
import { PrepareMeetingController } from './prepare-meeting/prepare-meeting.controller.js';
import { RescheduleMeetingHandler } from './prepare-meeting/reschedule-meeting.command.js';
import { ScheduleMeetingHandler } from './prepare-meeting/schedule-meeting.command.js';
import { OpenMeetingHandler } from './run-meeting/open-meeting.command.js';
import { RunMeetingController } from './run-meeting/run-meeting.controller.js';
import { RunOnBoardHandler, RunOnMeetingHandler } from './run-on.js';

/**
 * Board membership and the meeting cycle: schedule, agenda, open, minutes, close, draft, publish.
 * Approving minutes is a decision at the next meeting (the decisions module). A command that needs
 * no facts beyond its own stream runs through the generic RunOnMeeting/RunOnBoard handlers (shared/run-on.ts).
 */
@Module({
  controllers: [BoardMembershipController, PrepareMeetingController, RunMeetingController, MinutesController],
  providers: [
    RunOnBoardHandler,
    RunOnMeetingHandler,
    AppointMemberHandler,
    ScheduleMeetingHandler,
    RescheduleMeetingHandler,
    AddAgendaItemHandler,
    OpenMeetingHandler,
  ],
})
export class GovernanceCommandsModule {}
