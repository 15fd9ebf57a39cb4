import { Module } from '@nestjs/common';
import { VoiceSettingsModule } from '../../settings/settings.module.js';
import { BoardCalendar } from './board-calendar.js';
import { GetOverdueModerationHandler } from './get-overdue-moderation.query.js';
import { ModerationDeadlineController } from './moderation-deadline.controller.js';
import { ModerationDeadlineStarter } from './moderation-deadline-starter.js';
import { OverdueModerationSweeper } from './overdue-moderation-sweeper.js';

/**
 * Every view is read by a person within the board's moderation window: each view's deadline (kept by a
 * process manager following the views), the sweeper that escalates the overdue to the moderation lead,
 * and the overdue count. The queue shows each view's deadline from the same read model.
 */
@Module({
  imports: [VoiceSettingsModule],
  controllers: [ModerationDeadlineController],
  providers: [BoardCalendar, ModerationDeadlineStarter, OverdueModerationSweeper, GetOverdueModerationHandler],
})
export class ModerationDeadlineModule {}
