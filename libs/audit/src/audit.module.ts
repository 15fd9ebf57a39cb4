import { Module } from '@nestjs/common';
import { EventHistoryReader } from './read-models/history/event-history.reader.js';
import { GetDecisionAsAtHandler, GetMeetingAsAtHandler } from './read-models/history/get-as-at.query.js';
import { GetHistoryHandler } from './read-models/history/get-history.query.js';
import { HistoryController } from './read-models/history/history.controller.js';
import { ViewTimelineReader } from './read-models/history/view-timeline.reader.js';
import { ViewsThenReader } from './read-models/history/views-then.js';
import { IntegrityController } from './read-models/integrity/integrity.controller.js';
import {
  CheckIntegrityHandler,
  ExportAuditBundleHandler,
  GetSigningKeyHandler,
} from './read-models/integrity/integrity.queries.js';
import { IntegrityService } from './read-models/integrity/integrity.service.js';
import { GetLogActivityHandler } from './read-models/log-activity/get-log-activity.query.js';
import { LogActivityController } from './read-models/log-activity/log-activity.controller.js';

/**
 * The audit's reads: the history of a decision, meeting or view, and time travel of decisions and
 * meetings; hash-chain verification and signed export bundles (docs/audit.md, ADR 0008); log activity.
 */
@Module({
  controllers: [HistoryController, IntegrityController, LogActivityController],
  providers: [
    EventHistoryReader,
    ViewTimelineReader,
    ViewsThenReader,
    GetHistoryHandler,
    GetDecisionAsAtHandler,
    GetMeetingAsAtHandler,
    IntegrityService,
    CheckIntegrityHandler,
    ExportAuditBundleHandler,
    GetSigningKeyHandler,
    GetLogActivityHandler,
  ],
})
export class AuditModule {}
