import { Module } from '@nestjs/common';
import { CONTRIBUTION_CITABILITY } from '#board';
import { VoiceSettingsModule } from '../settings/settings.module.js';
import { ContributionCitabilityFromReadModel } from './contribution-status/contribution-citability.reader.js';
import { RunOnViewHandler } from './run-on-view.command.js';
import { GetModerationQueueHandler } from './moderation/moderation-queue.query.js';
import { ModerationController } from './moderation/moderation.controller.js';
import { GetSummariesToWriteHandler } from './moderation/summaries-to-write.query.js';
import { OverdueCaseSweeper } from './safeguarding/overdue-case-sweeper.js';
import { SafeguardingCaseOpener } from './safeguarding/safeguarding-case-opener.js';
import { SafeguardingLeads } from './safeguarding/safeguarding-leads.js';
import { GetSafeguardingQueueHandler } from './safeguarding/safeguarding-queue.query.js';
import { SafeguardingCaseStepHandler } from './safeguarding/safeguarding.commands.js';
import { SafeguardingController } from './safeguarding/safeguarding.controller.js';
import { VoiceProvidersModule } from '../voice-providers/voice-providers.module.js';
import { RecordFeedbackHandler, TableViewsHandler } from './tabling/tabling.commands.js';
import { TablingController } from './tabling/tabling.controller.js';
import { GetViewsReadyToTableHandler } from './tabling/views-ready-to-table.query.js';
import { CountWithheldViewsHandler } from './withheld-count/count-withheld-views.query.js';
import { WithheldViewsController } from './withheld-count/withheld-views.controller.js';

/** Staff routes: moderation, safeguarding, calls for views, tabling, feedback; the board's citability contract. */
@Module({
  imports: [VoiceSettingsModule, VoiceProvidersModule],
  controllers: [ModerationController, TablingController, SafeguardingController, WithheldViewsController],
  providers: [
    { provide: CONTRIBUTION_CITABILITY, useClass: ContributionCitabilityFromReadModel },
    RunOnViewHandler,
    GetModerationQueueHandler,
    GetSummariesToWriteHandler,
    TableViewsHandler,
    RecordFeedbackHandler,
    GetViewsReadyToTableHandler,
    SafeguardingLeads,
    SafeguardingCaseOpener,
    OverdueCaseSweeper,
    GetSafeguardingQueueHandler,
    SafeguardingCaseStepHandler,
    CountWithheldViewsHandler,
  ],
  exports: [CONTRIBUTION_CITABILITY],
})
export class StaffVoiceModule {}
