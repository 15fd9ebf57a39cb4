import { Module } from '@nestjs/common';
import { EventHistoryReader } from './event-history.reader.js';
import { GetDecisionAsAtHandler, GetMeetingAsAtHandler } from './get-as-at.query.js';
import { GetHistoryHandler } from './get-history.query.js';
import { HistoryController } from './history.controller.js';
import { ViewTimelineReader } from './view-timeline.reader.js';
import { ViewsThenReader } from './views-then.js';

/** The history of a decision, meeting or view, and time travel of decisions and meetings. */
@Module({
  controllers: [HistoryController],
  providers: [
    EventHistoryReader,
    ViewTimelineReader,
    ViewsThenReader,
    GetHistoryHandler,
    GetDecisionAsAtHandler,
    GetMeetingAsAtHandler,
  ],
})
export class HistoryModule {}
