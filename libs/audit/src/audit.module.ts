import { Module } from '@nestjs/common';
import { HistoryModule } from './history/history.module.js';
import { IntegrityModule } from './integrity/integrity.module.js';
import { LogActivityController } from './read-models/log-activity/log-activity.controller.js';
import { GetLogActivityHandler } from './read-models/log-activity/get-log-activity.query.js';

@Module({
  imports: [IntegrityModule, HistoryModule],
  controllers: [LogActivityController],
  providers: [GetLogActivityHandler],
})
export class AuditModule {}
