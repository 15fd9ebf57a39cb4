import { Controller, Headers, HttpCode, HttpException, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { problem } from '#platform';
import { Roles } from '../../contracts/route-access.js';
import { servedOverHttps, setStaffSessionCookie, staffSessionToken } from '../../contracts/staff-session-cookie.js';
import { STAFF_ROLES } from '../../domain/roles.js';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../identity-settings.js';
import { RenewedSession, sessionTimes } from '../sign-in/sign-in.dto.js';
import { SessionAtMaximum, TokenService } from '../token-service.js';

@ApiTags('identity')
@Controller('api/auth')
export class RenewSessionController {
  constructor(
    private readonly tokens: TokenService,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

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
  async renew(
    @Headers('authorization') authorization: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RenewedSession> {
    try {
      const token = authorization.replace(/^Bearer\s+/i, '');
      const renewed = await this.tokens.renew(token);
      // The staff pages' cookie slides with the token (ADR 0026), unless it holds someone else's session
      // (another tab of this browser signed in as another person since): that one is left alone.
      if (await this.sameOrNoCookie(request, token)) {
        setStaffSessionCookie(reply, renewed, servedOverHttps(request, this.settings.publicUrl));
      }
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

  private async sameOrNoCookie(request: FastifyRequest, token: string): Promise<boolean> {
    const kept = staffSessionToken(request);
    if (!kept || kept === token) return true;
    const [mine, theirs] = await Promise.all([
      this.tokens.verify(token),
      this.tokens.verify(kept).catch(() => undefined),
    ]);
    // An expired or broken cookie is replaced; a live one is replaced only by the same person's session.
    return !theirs || (theirs.userId === mine.userId && theirs.tenantId === mine.tenantId);
  }
}
