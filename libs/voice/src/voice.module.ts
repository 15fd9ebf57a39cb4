import { Global, Module } from '@nestjs/common';
import { ParticipationModule } from './participation/participation.module.js';
import { PublicVoiceModule } from './public/public.module.js';
import { VoiceSettingsModule } from './settings/settings.module.js';
import { ErasureModule } from './staff/erasure/erasure.module.js';
import { ModerationDeadlineModule } from './staff/moderation-deadline/moderation-deadline.module.js';
import { StaffVoiceModule } from './staff/staff-voice.module.js';
import { YoungPeopleModule } from './young-people/young-people.module.js';

/** The young people's side: views, moderation, safeguarding, feedback, withdrawal and erasure. */
@Global()
@Module({
  imports: [
    VoiceSettingsModule,
    YoungPeopleModule,
    StaffVoiceModule,
    ParticipationModule,
    ErasureModule,
    PublicVoiceModule,
    ModerationDeadlineModule,
  ],
  // Re-exports the citability contract the board's decisions depend on.
  exports: [StaffVoiceModule],
})
export class VoiceModule {}
