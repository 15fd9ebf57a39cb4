import { Controller, Headers, HttpCode, HttpException, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { problem } from '#platform';
import { Roles } from '../../contracts/route-access.js';
import { STAFF_ROLES } from '../../domain/roles.js';
import { RenewedSession, sessionTimes } from '../sign-in/sign-in.dto.js';
import { SessionAtMaximum, TokenService } from '../token-service.js';

@ApiTags('identity')
@Controller('api/auth')
export class RenewSessionController {
  constructor(private readonly tokens: TokenService) {}

  /**
   * Renews a session in use (WCAG 2.2.1: time limits can be extended): the same person, roles and
   * sign-in time, a fresh expiry, never past SESSION_MAX_SECONDS after signing in. The guard has already
   * checked the token and that the account is still active; an enrolment token is not renewed.
   */
  @Post('renew')
  @Roles(...STAFF_ROLES)
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOkResponse({ type: RenewedSession })
  async renew(@Headers('authorization') authorization: string): Promise<RenewedSession> {
    try {
      const renewed = await this.tokens.renew(authorization.replace(/^Bearer\s+/i, ''));
      return { token: renewed.token, ...sessionTimes(renewed) };
    } catch (error) {
      if (error instanceof SessionAtMaximum) {
        throw new HttpException(
          problem(401, 'session-at-maximum', 'Your session has reached its longest time. Sign in again to carry on.'),
          401,
        );
      }
      throw error;
    }
  }
}
