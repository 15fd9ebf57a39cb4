import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandContextFactory,
  CurrentCaller,
  RequestHeaders,
  Roles,
  type Caller,
  type HeaderMap,
} from '#identity/contracts';
import {
  ChangeVoiceSettings,
  IssueInviteCodeCommand,
  type IssuedInviteCode,
  type SettingsChange,
  type SettingsWriteResult,
} from './voice-settings.commands.js';
import {
  AnswerReadingAgeRequest,
  CouncilColourRequest,
  CouncilPhoneRequest,
  InviteCodeRequirementRequest,
  IssuedInviteCodeResponse,
  IssueInviteCodeRequest,
  ModerationWindowRequest,
  SafeguardingOwnersRequest,
  ScreeningRulesRequest,
  SettingsWriteResponse,
} from './voice-settings.request.js';

// Participation staff hand out invite codes; the safeguarding lead and admin own the screen; only an
// admin names who answers for safeguarding cases.
@ApiTags('voice settings')
@ApiBearerAuth()
@Controller('api/staff/voice-settings')
export class ChangeVoiceSettingsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Put('screening-rules')
  @Roles('admin', 'safeguarding-lead')
  @ApiOkResponse({ type: SettingsWriteResponse })
  @ApiOperation({ summary: "Replace the board's own screening rules (the defaults always apply as well)" })
  screeningRules(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: ScreeningRulesRequest,
  ): Promise<SettingsWriteResult> {
    return this.change(caller, headers, { kind: 'screening-rules', rules: body.rules });
  }

  @Put('safeguarding-owners')
  @Roles('admin')
  @ApiOkResponse({ type: SettingsWriteResponse })
  @ApiOperation({ summary: 'Name the safeguarding lead, the deputy and the acknowledgement window' })
  owners(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: SafeguardingOwnersRequest,
  ): Promise<SettingsWriteResult> {
    const { namedLead, deputy, acknowledgeWithinMinutes } = body;
    return this.change(caller, headers, { kind: 'safeguarding-owners', namedLead, deputy, acknowledgeWithinMinutes });
  }

  @Put('invite-codes/requirement')
  @Roles('admin', 'clerk', 'officer')
  @ApiOkResponse({ type: SettingsWriteResponse })
  @ApiOperation({ summary: 'Require (or stop requiring) an invite code for anonymous views' })
  requirement(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: InviteCodeRequirementRequest,
  ): Promise<SettingsWriteResult> {
    return this.change(caller, headers, { kind: 'invite-code-requirement', required: body.required });
  }

  @Put('answer-reading-age')
  @Roles('admin')
  @ApiOkResponse({ type: SettingsWriteResponse })
  @ApiOperation({
    summary: 'Set the reading age above which an answer to young people needs its sender’s reason (default 11)',
  })
  answerReadingAge(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: AnswerReadingAgeRequest,
  ): Promise<SettingsWriteResult> {
    return this.change(caller, headers, { kind: 'answer-reading-age', readingAge: body.readingAge });
  }

  @Put('council-phone')
  @Roles('admin', 'clerk', 'officer')
  @ApiOkResponse({ type: SettingsWriteResponse })
  @ApiOperation({ summary: "Set (or clear) the council's number shown to young people beside Childline and 999" })
  councilPhone(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: CouncilPhoneRequest,
  ): Promise<SettingsWriteResult> {
    return this.change(caller, headers, { kind: 'council-phone', phone: body.phone ?? null });
  }

  @Put('council-colour')
  @Roles('admin', 'clerk', 'officer')
  @ApiOkResponse({ type: SettingsWriteResponse })
  @ApiOperation({
    summary: "Set (or clear) the council's colour for the header of the board's young people's and public pages",
  })
  councilColour(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: CouncilColourRequest,
  ): Promise<SettingsWriteResult> {
    return this.change(caller, headers, { kind: 'council-colour', colour: body.colour ?? null });
  }

  @Put('moderation-window')
  @Roles('admin')
  @ApiOkResponse({ type: SettingsWriteResponse })
  @ApiOperation({
    summary: 'Set the working days a person has to read each view (default 2) and name the moderation lead',
  })
  moderationWindow(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: ModerationWindowRequest,
  ): Promise<SettingsWriteResult> {
    return this.change(caller, headers, {
      kind: 'moderation-window',
      moderationWindowWorkingDays: body.moderationWindowWorkingDays,
      moderationLead: body.moderationLead ?? null,
    });
  }

  @Post('invite-codes')
  @Roles('admin', 'clerk', 'officer')
  @HttpCode(201)
  @ApiCreatedResponse({ type: IssuedInviteCodeResponse })
  @ApiOperation({ summary: 'Issue an invite code: shown once in this answer, stored only as a hash' })
  issue(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: IssueInviteCodeRequest,
  ): Promise<IssuedInviteCode> {
    return this.commandBus.execute(
      new IssueInviteCodeCommand(this.contexts.forStaff(caller, headers), body.label, body.expiresOn),
    );
  }

  @Post('invite-codes/:codeId/revoke')
  @Roles('admin', 'clerk', 'officer')
  @HttpCode(200)
  @ApiOkResponse({ type: SettingsWriteResponse })
  @ApiOperation({ summary: 'Revoke an invite code: views with it are refused from now on' })
  revoke(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('codeId') codeId: string,
  ): Promise<SettingsWriteResult> {
    return this.change(caller, headers, { kind: 'revoke-invite-code', codeId });
  }

  private change(caller: Caller, headers: HeaderMap, change: SettingsChange): Promise<SettingsWriteResult> {
    return this.commandBus.execute(new ChangeVoiceSettings(this.contexts.forStaff(caller, headers), change));
  }
}
