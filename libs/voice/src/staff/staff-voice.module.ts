import { Module } from '@nestjs/common';
import { CONTRIBUTION_CITABILITY, NoVoiceContextYet } from '#board';

/** Staff routes: moderation, safeguarding, calls for views, tabling, feedback; the board's citability contract. */
@Module({
  providers: [{ provide: CONTRIBUTION_CITABILITY, useClass: NoVoiceContextYet }],
  exports: [CONTRIBUTION_CITABILITY],
})
export class StaffVoiceModule {}
