import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Caller } from '../../contracts/caller.js';
import { CurrentCaller, Roles, SecondFactorSetUpRoute } from '../../contracts/route-access.js';
import { STAFF_ROLES } from '../../domain/roles.js';
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
  constructor(private readonly secondFactor: SecondFactorService) {}

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
  async confirm(@CurrentCaller() caller: Caller, @Body() body: SecondFactorCode): Promise<RenewedSession> {
    const issued = await this.secondFactor.confirm(caller, body.code);
    return { token: issued.token, ...sessionTimes(issued) };
  }
}
