import { Module } from '@nestjs/common';
import { VoiceSettingsModule } from '../settings/settings.module.js';
import { VoiceProvidersModule } from '../voice-providers/voice-providers.module.js';
import { CloseCallHandler, OpenCallHandler } from './calls/calls-for-views.commands.js';
import { CallsForViewsController } from './calls/calls-for-views.controller.js';
import { GetCallsForViewsHandler, GetOpenCallsHandler } from './calls/calls-for-views.query.js';
import { PublicCallsController } from './calls/public-calls.controller.js';
import { SubmitOnBehalfHandler } from './on-behalf/on-behalf-view.command.js';
import { OnBehalfViewController } from './on-behalf/on-behalf-view.controller.js';

/** Calls for views (staff open and close them; anyone lists the open ones) and views given on a young person's behalf. */
@Module({
  // The board's screening rules (VoiceSettings), the same the young people's own route uses.
  imports: [VoiceSettingsModule, VoiceProvidersModule],
  controllers: [CallsForViewsController, PublicCallsController, OnBehalfViewController],
  providers: [OpenCallHandler, CloseCallHandler, GetCallsForViewsHandler, GetOpenCallsHandler, SubmitOnBehalfHandler],
})
export class ParticipationModule {}
