import { Module } from '@nestjs/common';
import { ActionLogController } from './action-log/action-log.controller.js';
import { GetActionHandler } from './action-log/get-action.query.js';
import { GetActionsHandler } from './action-log/get-actions.query.js';
import { BoardOverviewController } from './board-overview/board-overview.controller.js';
import { GetBoardOverviewHandler } from './board-overview/get-board-overview.query.js';
import { DecisionsRegisterController } from './decisions-register/decisions-register.controller.js';
import { GetDecisionHandler } from './decisions-register/get-decision.query.js';
import { GetDecisionsHandler } from './decisions-register/get-decisions.query.js';
import { GetMeetingDetailHandler } from './meeting-detail/get-meeting-detail.query.js';
import { MeetingDetailController } from './meeting-detail/meeting-detail.controller.js';
import { GetMeetingsFeedHandler } from './meetings-calendar/get-meetings-feed.query.js';
import { GetMeetingsHandler } from './meetings-calendar/get-meetings.query.js';
import { MeetingsCalendarController } from './meetings-calendar/meetings-calendar.controller.js';

/** Meetings list and calendar, meeting detail, decisions register, action log, board overview. */
@Module({
  controllers: [
    BoardOverviewController,
    MeetingsCalendarController,
    MeetingDetailController,
    DecisionsRegisterController,
    ActionLogController,
  ],
  providers: [
    GetBoardOverviewHandler,
    GetMeetingsHandler,
    GetMeetingsFeedHandler,
    GetMeetingDetailHandler,
    GetDecisionsHandler,
    GetDecisionHandler,
    GetActionsHandler,
    GetActionHandler,
  ],
})
export class BoardReadModelsModule {}
