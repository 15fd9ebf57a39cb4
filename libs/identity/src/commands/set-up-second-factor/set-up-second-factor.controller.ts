import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Caller } from '../../contracts/caller.js';
import { CurrentCaller, Roles, SecondFactorSetUpRoute } from '../../contracts/route-access.js';
import { servedOverHttps, setStaffSessionCookie } from '../../contracts/staff-session-cookie.js';
import { STAFF_ROLES } from '../../domain/roles.js';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../identity-settings.js';
import { RenewedSession, sessionTimes } from '../sign-in/sign-in.dto.js';
import { SecondFactorService } from './second-factor.service.js';

export class SecondFactorSetUpResponse {
  @ApiProperty({ description: 'The secret, for typing into an authenticator app by hand' }) secret!: string;
  @ApiProperty({ description: 'otpauth:// address of the account, for authenticator apps' }) otpauthUri!: string;
  @ApiProperty({ description: 'The same address as a QR code (SVG)' }) qrCodeSvg!: string;
}

export class SecondFactorCode {
  @ApiProperty({ example: '123456', description: 'The 6 digits the authenticator app shows now' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits the authenticator app shows' })
  code!: string;
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api')
export class SetUpSecondFactorController {
  constructor(
    private readonly secondFactor: SecondFactorService,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  @Post('auth/second-factor')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @SecondFactorSetUpRoute()
  @ApiOperation({ summary: 'Start setting up a second factor: a new secret for an authenticator app' })
  @ApiOkResponse({ type: SecondFactorSetUpResponse })
  begin(@CurrentCaller() caller: Caller): Promise<SecondFactorSetUpResponse> {
    return this.secondFactor.begin(caller);
  }

  @Post('auth/second-factor/confirm')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @SecondFactorSetUpRoute()
  @ApiOperation({ summary: 'Confirm the second factor with a first code; answers a full session' })
  @ApiOkResponse({ type: RenewedSession })
  async confirm(
    @CurrentCaller() caller: Caller,
    @Body() body: SecondFactorCode,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RenewedSession> {
    const issued = await this.secondFactor.confirm(caller, body.code);
    // Now a full session: the staff pages may use it too (ADR 0026).
    setStaffSessionCookie(reply, issued, servedOverHttps(request, this.settings.publicUrl));
    return { token: issued.token, ...sessionTimes(issued) };
  }
}
