import { Module } from '@nestjs/common';
import { INVITE_CODE_SESSIONS } from '#platform';
import { InviteCodeSessionsFromSettings } from './invite-code-sessions.js';
import { VoiceProvidersModule } from '../voice-providers/voice-providers.module.js';
import { ModerationLeadResolver } from './moderation-lead.resolver.js';
import { SafeguardingOwnersResolver } from './safeguarding-owners.resolver.js';
import { ChangeVoiceSettingsHandler, IssueInviteCodeHandler } from './voice-settings.commands.js';
import { VoiceSettingsController } from './voice-settings.controller.js';
import { GetInviteCodesHandler, GetVoiceSettingsHandler } from './voice-settings.queries.js';
import { VoiceSettings } from './voice-settings.reader.js';

/**
 * A board's voice settings: its own screening rules (on top of the defaults), safeguarding owners and
 * acknowledgement window, invite codes. Folded on read from one small stream per board; exports what
 * the young people's routes (screen, invite codes) and the safeguarding case opener (owners) use.
 */
@Module({
  imports: [VoiceProvidersModule],
  controllers: [VoiceSettingsController],
  providers: [
    VoiceSettings,
    SafeguardingOwnersResolver,
    ModerationLeadResolver,
    ChangeVoiceSettingsHandler,
    IssueInviteCodeHandler,
    GetVoiceSettingsHandler,
    GetInviteCodesHandler,
    // For the app's rate limit on giving views (apps/api/src/rate-limits): counted per invite code.
    { provide: INVITE_CODE_SESSIONS, useClass: InviteCodeSessionsFromSettings },
  ],
  exports: [VoiceSettings, SafeguardingOwnersResolver, ModerationLeadResolver, INVITE_CODE_SESSIONS],
})
export class VoiceSettingsModule {}
