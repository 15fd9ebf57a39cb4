import { Body, Controller, Get, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignInLimit } from '#platform';
import type { Caller } from '../contracts/caller.js';
import { CurrentCaller, Public, Roles } from '../auth/decorators.js';
import { STAFF_ROLES } from '../domain/roles.js';
import { IdentityService, SignInRefused } from '../staff/identity.service.js';
import { SignInRequest, SignInResponse } from './sign-in.dto.js';

@ApiTags('identity')
@Controller('api/auth')
export class SignInController {
  constructor(private readonly identity: IdentityService) {}

  @Post('sign-in')
  @Public()
  // Per client address, against password guessing (docs/adr/0009-rate-limits.md).
  @SignInLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: SignInResponse })
  async signIn(@Body() body: SignInRequest): Promise<SignInResponse> {
    try {
      const { token, expiresAt, user } = await this.identity.signIn(body.tenant, body.email, body.password);
      return {
        token,
        expiresAt: expiresAt.toISOString(),
        userId: user.id,
        tenantId: user.tenantId,
        roles: user.roles,
        displayName: user.displayName,
      };
    } catch (error) {
      if (error instanceof SignInRefused) throw new UnauthorizedException('The board, email or password is not right.');
      throw error;
    }
  }

  @Get('me')
  @Roles(...STAFF_ROLES)
  @ApiBearerAuth()
  me(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }
}
