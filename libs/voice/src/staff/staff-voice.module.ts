import { Module } from '@nestjs/common';
import { CONTRIBUTION_CITABILITY } from '#board';
import { ContributionCitabilityFromReadModel } from './contribution-status/contribution-citability.reader.js';
import { ModerateContributionHandler } from './moderation/moderate-contribution.command.js';
import { GetModerationQueueHandler } from './moderation/moderation-queue.query.js';
import { ModerationController } from './moderation/moderation.controller.js';
import { MeetingCheck } from './shared/meeting-check.js';
import { StaffContributionWriter } from './shared/staff-contribution-writer.js';
import { RecordFeedbackHandler, TableViewsHandler } from './tabling/tabling.commands.js';
import { TablingController } from './tabling/tabling.controller.js';
import { WithheldViewsController } from './withheld-count/withheld-views.controller.js';

/** Staff routes: moderation, safeguarding, calls for views, tabling, feedback; the board's citability contract. */
@Module({
  controllers: [ModerationController, TablingController, WithheldViewsController],
  providers: [
    { provide: CONTRIBUTION_CITABILITY, useClass: ContributionCitabilityFromReadModel },
    StaffContributionWriter,
    ModerateContributionHandler,
    GetModerationQueueHandler,
    MeetingCheck,
    TableViewsHandler,
    RecordFeedbackHandler,
  ],
  exports: [CONTRIBUTION_CITABILITY],
})
export class StaffVoiceModule {}
