import { Module } from '@nestjs/common';
import { CONTRIBUTION_CITABILITY } from '#board';
import { ContributionCitabilityFromReadModel } from './contribution-status/contribution-citability.reader.js';

/** Staff routes: moderation, safeguarding, calls for views, tabling, feedback; the board's citability contract. */
@Module({
  providers: [{ provide: CONTRIBUTION_CITABILITY, useClass: ContributionCitabilityFromReadModel }],
  exports: [CONTRIBUTION_CITABILITY],
})
export class StaffVoiceModule {}
