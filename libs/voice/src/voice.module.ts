import { Global, Module } from '@nestjs/common';
import { StaffVoiceModule } from './staff/staff-voice.module.js';
import { YoungPeopleModule } from './young-people/young-people.module.js';

/** The young people's side: views, moderation, safeguarding, feedback, withdrawal and erasure. */
@Global()
@Module({
  imports: [YoungPeopleModule, StaffVoiceModule],
  // Re-exports the citability contract the board's decisions depend on.
  exports: [StaffVoiceModule],
})
export class VoiceModule {}
