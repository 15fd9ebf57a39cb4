import { Module } from '@nestjs/common';
import { LogActivityController } from './read-models/log-activity/log-activity.controller.js';
import { GetLogActivityHandler } from './read-models/log-activity/get-log-activity.query.js';

@Module({
  controllers: [LogActivityController],
  providers: [GetLogActivityHandler],
})
export class AuditModule {}
