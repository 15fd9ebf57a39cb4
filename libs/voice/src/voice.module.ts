import { Global, Module } from '@nestjs/common';
import { CITED_VIEW_STATES, CONTRIBUTION_CITABILITY } from '#board/contracts';
import { INVITE_CODE_SESSIONS } from '#platform';
import { ActOnMyViewHandler } from './commands/act-on-my-view/act-on-my-view.command.js';
import { ActOnMyViewController } from './commands/act-on-my-view/act-on-my-view.controller.js';
import { ChangeVoiceSettingsController } from './commands/change-voice-settings/change-voice-settings.controller.js';
import {
  ChangeVoiceSettingsHandler,
  IssueInviteCodeHandler,
} from './commands/change-voice-settings/voice-settings.commands.js';
import { EraseContributionHandler } from './commands/erase-view/erase-contribution.command.js';
import { ErasureController } from './commands/erase-view/erasure.controller.js';
import { ReadDatabaseFlusher } from './commands/erase-view/read-database-flusher.js';
import { SubjectKeyShredder } from './commands/erase-view/subject-key-shredder.js';
import { GiveViewHandler } from './commands/give-view/give-view.command.js';
import { GiveViewController } from './commands/give-view/give-view.controller.js';
import { SubmitOnBehalfHandler } from './commands/give-view-on-behalf/on-behalf-view.command.js';
import { OnBehalfViewController } from './commands/give-view-on-behalf/on-behalf-view.controller.js';
import { BoardCalendar } from './commands/keep-moderation-deadlines/board-calendar.js';
import { ModerationDeadlineStarter } from './commands/keep-moderation-deadlines/moderation-deadline-starter.js';
import { OverdueModerationSweeper } from './commands/keep-moderation-deadlines/overdue-moderation-sweeper.js';
import { MeetingCheck } from './commands/meeting-check.js';
import { ModerateViewController } from './commands/moderate-view/moderate-view.controller.js';
import { receiptPepperProvider } from './commands/receipt-pepper.provider.js';
import { BoardRecords } from './commands/record-feedback/board-records.js';
import { RecordFeedbackHandler } from './commands/record-feedback/record-feedback.command.js';
import { RecordFeedbackController } from './commands/record-feedback/record-feedback.controller.js';
import { CloseCallHandler, OpenCallHandler } from './commands/run-call-for-views/calls-for-views.commands.js';
import { RunCallForViewsController } from './commands/run-call-for-views/run-call-for-views.controller.js';
import { RunOnViewHandler } from './commands/run-on-view.command.js';
import { OverdueCaseSweeper } from './commands/run-safeguarding-case/overdue-case-sweeper.js';
import { SafeguardingCaseOpener } from './commands/run-safeguarding-case/safeguarding-case-opener.js';
import { SafeguardingCaseStepHandler } from './commands/run-safeguarding-case/safeguarding-case-step.command.js';
import { SafeguardingCaseController } from './commands/run-safeguarding-case/safeguarding-case.controller.js';
import { SafeguardingLeads } from './commands/run-safeguarding-case/safeguarding-leads.js';
import { TableViewsHandler } from './commands/table-views/table-views.command.js';
import { TableViewsController } from './commands/table-views/table-views.controller.js';
import { BoardOutcomes } from './read-models/board-outcomes/board-outcomes.reader.js';
import { CallsForViewsController } from './read-models/calls-for-views/calls-for-views.controller.js';
import { GetCallsForViewsHandler, GetOpenCallsHandler } from './read-models/calls-for-views/calls-for-views.query.js';
import { PublicCallsController } from './read-models/calls-for-views/public-calls.controller.js';
import { ContributionCitabilityFromReadModel } from './read-models/contribution-status/contribution-citability.reader.js';
import { GetOverdueModerationHandler } from './read-models/moderation-deadlines/get-overdue-moderation.query.js';
import { ModerationDeadlineController } from './read-models/moderation-deadlines/moderation-deadlines.controller.js';
import { ModerationQueueController } from './read-models/moderation-queue/moderation-queue.controller.js';
import { GetModerationQueueHandler } from './read-models/moderation-queue/moderation-queue.query.js';
import { CheckViewHandler } from './read-models/my-view/check-view.query.js';
import { ModerationForAuthor } from './read-models/my-view/moderation-for-author.js';
import { MyViewJourneys } from './read-models/my-view/my-view-journey.reader.js';
import { MyViewController } from './read-models/my-view/my-view.controller.js';
import { SafeguardingQueueController } from './read-models/safeguarding-queue/safeguarding-queue.controller.js';
import { GetSafeguardingQueueHandler } from './read-models/safeguarding-queue/safeguarding-queue.query.js';
import { SummariesToWriteController } from './read-models/summaries-to-write/summaries-to-write.controller.js';
import { GetSummariesToWriteHandler } from './read-models/summaries-to-write/summaries-to-write.query.js';
import { ReceiptLookup } from './read-models/view-receipts/receipt-lookup.js';
import { ViewsReadyToTableController } from './read-models/views-ready-to-table/views-ready-to-table.controller.js';
import { GetViewsReadyToTableHandler } from './read-models/views-ready-to-table/views-ready-to-table.query.js';
import { InviteCodeSessionsFromSettings } from './read-models/voice-settings/invite-code-sessions.js';
import { ModerationLeadResolver } from './read-models/voice-settings/moderation-lead.resolver.js';
import { SafeguardingOwnersResolver } from './read-models/voice-settings/safeguarding-owners.resolver.js';
import { VoiceSettingsController } from './read-models/voice-settings/voice-settings.controller.js';
import { GetInviteCodesHandler, GetVoiceSettingsHandler } from './read-models/voice-settings/voice-settings.queries.js';
import { GetCouncilColourHandler } from './read-models/voice-settings/council-colour.query.js';
import { VoiceSettings } from './read-models/voice-settings/voice-settings.reader.js';
import { CountWithheldViewsHandler } from './read-models/withheld-views-count/count-withheld-views.query.js';
import { WithheldViewsController } from './read-models/withheld-views-count/withheld-views.controller.js';
import { CitedViewStatesFromReadModel } from './read-models/you-said-we-did/cited-view-states.reader.js';
import { GetPublicDecisionHandler } from './read-models/you-said-we-did/get-public-decision.query.js';
import { GetYouSaidWeDidHandler } from './read-models/you-said-we-did/get-you-said-we-did.query.js';
import { YouSaidWeDidController } from './read-models/you-said-we-did/you-said-we-did.controller.js';

/**
 * The young people's side: views, moderation, safeguarding, feedback, withdrawal and erasure. Global so
 * that the board finds what it asks the voice context (CONTRIBUTION_CITABILITY for its decisions,
 * CITED_VIEW_STATES for its register): contexts meet only through the board's contracts.
 */
@Global()
@Module({
  controllers: [
    // A board's voice settings: its own screening rules, safeguarding owners, invite codes.
    VoiceSettingsController,
    ChangeVoiceSettingsController,
    // Young people's own routes (no account): give a view, check it by receipt code, answer, share, withdraw.
    GiveViewController,
    MyViewController,
    ActOnMyViewController,
    // Staff: moderation, tabling, feedback, safeguarding, the withheld count.
    ModerationQueueController,
    SummariesToWriteController,
    ModerateViewController,
    ViewsReadyToTableController,
    TableViewsController,
    RecordFeedbackController,
    SafeguardingQueueController,
    SafeguardingCaseController,
    WithheldViewsController,
    // Calls for views (staff open and close them; anyone lists the open ones) and views given on a young person's behalf.
    CallsForViewsController,
    RunCallForViewsController,
    PublicCallsController,
    OnBehalfViewController,
    // Erasure on a valid request.
    ErasureController,
    // What anyone may read: "You said, we did" and the decisions its answers point to.
    YouSaidWeDidController,
    // The overdue moderation count.
    ModerationDeadlineController,
  ],
  providers: [
    // One instance each of the board record checks and the receipt pepper.
    receiptPepperProvider,
    MeetingCheck,
    BoardRecords,
    // Settings are folded on read from one small stream per board.
    VoiceSettings,
    SafeguardingOwnersResolver,
    ModerationLeadResolver,
    ChangeVoiceSettingsHandler,
    IssueInviteCodeHandler,
    GetVoiceSettingsHandler,
    GetInviteCodesHandler,
    GetCouncilColourHandler,
    // For the app's rate limit on giving views (apps/api/src/rate-limits): counted per invite code.
    { provide: INVITE_CODE_SESSIONS, useClass: InviteCodeSessionsFromSettings },
    ReceiptLookup,
    ModerationForAuthor,
    MyViewJourneys,
    BoardOutcomes,
    GiveViewHandler,
    CheckViewHandler,
    ActOnMyViewHandler,
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
    OpenCallHandler,
    CloseCallHandler,
    GetCallsForViewsHandler,
    GetOpenCallsHandler,
    SubmitOnBehalfHandler,
    // Erasure: the admin's route, the key's destruction (durable), the read models scrub.
    EraseContributionHandler,
    SubjectKeyShredder,
    ReadDatabaseFlusher,
    GetYouSaidWeDidHandler,
    GetPublicDecisionHandler,
    { provide: CITED_VIEW_STATES, useClass: CitedViewStatesFromReadModel },
    // Every view is read by a person within the board's moderation window: each view's deadline (kept by a
    // process manager following the views), the sweeper that escalates the overdue to the moderation lead,
    // and the overdue count. The queue shows each view's deadline from the same read model.
    BoardCalendar,
    ModerationDeadlineStarter,
    OverdueModerationSweeper,
    GetOverdueModerationHandler,
  ],
  exports: [CONTRIBUTION_CITABILITY, CITED_VIEW_STATES],
})
export class VoiceModule {}
