import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '#platform';
import { CurrentCaller, Roles, type Caller } from '#identity/contracts';
import {
  GetInviteCodes,
  GetVoiceSettings,
  type InviteCodeView,
  type VoiceSettingsView,
} from './voice-settings.queries.js';
import { InviteCodeResponse, VoiceSettingsResponse } from './voice-settings.responses.js';

// Participation staff hand out invite codes; the safeguarding lead and admin own the screen; only an
// admin names who answers for safeguarding cases.
@ApiTags('voice settings')
@ApiBearerAuth()
@Controller('api/staff/voice-settings')
export class VoiceSettingsController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('admin', 'safeguarding-lead', 'moderator')
  @ApiOkResponse({ type: VoiceSettingsResponse })
  @ApiOperation({ summary: "The board's voice settings: its own screening rules, safeguarding owners, invite codes" })
  read(@CurrentCaller() caller: Caller): Promise<VoiceSettingsView> {
    return this.queryBus.execute(new GetVoiceSettings(caller, this.clock.now().toISOString()));
  }

  @Get('invite-codes')
  @Roles('admin', 'clerk', 'officer')
  @ApiOkResponse({ type: [InviteCodeResponse] })
  @ApiOperation({ summary: 'Invite codes issued (ids, labels, expiry, status; never the codes)' })
  inviteCodes(@CurrentCaller() caller: Caller): Promise<InviteCodeView[]> {
    return this.queryBus.execute(new GetInviteCodes(caller, this.clock.now().toISOString()));
  }
}
