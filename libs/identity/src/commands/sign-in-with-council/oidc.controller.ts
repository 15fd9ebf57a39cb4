import {
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SignInLimit } from '#platform';
import { Public } from '../../contracts/route-access.js';
import { cookieHeader, readCookie } from '../../contracts/cookies.js';
import { setStaffSessionCookie } from '../../contracts/staff-session-cookie.js';
import { TokenService } from '../token-service.js';
import { IDENTITY_SETTINGS, type IdentitySettings, type OidcConnection } from '../identity-settings.js';
import { SignInResponse, signInResponse } from '../sign-in/sign-in.dto.js';
import { IdentityService } from '../../contracts/identity.service.js';
import { OidcSignInFailed, OidcSignInService } from './oidc-sign-in.service.js';

export class BoardParams {
  @ApiProperty({ example: 'northshire' })
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'tenant must be the short name of a board' })
  tenant!: string;
}

export class CouncilSignInResponse {
  @ApiProperty() tenant!: string;
  @ApiProperty({ description: "The button's words" }) label!: string;
}

const PENDING_COOKIE = 'cpb_oidc_pending';
const SESSION_COOKIE = 'cpb_oidc_session';
const COOKIE_PATH = '/api/auth/oidc';

/**
 * A council's own sign-in (OpenID Connect). The browser goes to `start`, signs in at the council,
 * comes back to `callback`, and lands on /staff/signed-in, whose script collects the session once
 * from `session` (the token travels in a short-lived HttpOnly cookie, never in a URL).
 */
@ApiTags('identity')
@Controller('api/auth/oidc')
export class OidcController {
  constructor(
    private readonly service: OidcSignInService,
    private readonly tokens: TokenService,
    private readonly identity: IdentityService,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  @Post('session')
  @Public()
  @SignInLimit()
  @HttpCode(200)
  @ApiOperation({ summary: 'Collect, once, the session a council sign-in just opened (from its cookie)' })
  @ApiOkResponse({ type: SignInResponse })
  async session(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    const token = readCookie(request, SESSION_COOKIE);
    void reply.header('set-cookie', clearCookie(SESSION_COOKIE));
    if (!token) throw new UnauthorizedException('No council sign-in is waiting here; sign in again.');
    const claims = await this.tokens.verify(token).catch(() => {
      throw new UnauthorizedException('The council sign-in took too long; sign in again.');
    });
    const user = await this.identity.activeUser(claims.userId, claims.tenantId);
    if (!user) throw new UnauthorizedException('The council sign-in is no longer valid; sign in again.');
    // The same session for the server-rendered staff pages (ADR 0026).
    setStaffSessionCookie(reply, { token, expiresInSeconds: claims.expiresInSeconds }, this.secure(request));
    return signInResponse(user, { ...claims, token }, 'council');
  }

  @Get(':tenant')
  @Public()
  @ApiOperation({ summary: "Whether a board signs its staff in through the council's own provider" })
  @ApiOkResponse({ type: CouncilSignInResponse })
  describe(@Param() params: BoardParams): CouncilSignInResponse {
    const connection = this.connection(params.tenant);
    return { tenant: connection.tenant, label: connection.label ?? 'Sign in with your council account' };
  }

  @Get(':tenant/start')
  @Public()
  @SignInLimit()
  @ApiOperation({ summary: "Go to the council's sign-in (a redirect)" })
  async start(@Param() params: BoardParams, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const connection = this.connection(params.tenant);
    try {
      const { url, pending } = await this.service.start(connection, this.callbackUrl(request, connection).href);
      void reply.header('set-cookie', setCookie(PENDING_COOKIE, pending, 600, this.secure(request))).redirect(url, 302);
    } catch (error) {
      this.backToSignIn(reply, error);
    }
  }

  @Get(':tenant/callback')
  @Public()
  @SignInLimit()
  @ApiOperation({ summary: "Where the council's sign-in returns to (a redirect to the staff pages)" })
  async callback(
    @Param() params: BoardParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const connection = this.connection(params.tenant);
    // The address the provider sent the browser back to: ours, with the provider's query.
    const current = this.callbackUrl(request, connection);
    current.search = new URL(request.url, current).search;
    try {
      const token = await this.service.finish(connection, current, readCookie(request, PENDING_COOKIE));
      void reply
        .header('set-cookie', [clearCookie(PENDING_COOKIE), setCookie(SESSION_COOKIE, token, 60, this.secure(request))])
        .redirect('/staff/signed-in', 303);
    } catch (error) {
      this.backToSignIn(reply, error);
    }
  }

  private connection(tenant: string): OidcConnection {
    const connection = this.service.connection(tenant);
    if (!connection) throw new NotFoundException('This board does not sign in through a council account.');
    return connection;
  }

  private callbackUrl(request: FastifyRequest, connection: OidcConnection): URL {
    const base = this.settings.publicUrl ?? `${request.protocol}://${request.host}`;
    return new URL(`/api/auth/oidc/${connection.tenant}/callback`, base);
  }

  private secure(request: FastifyRequest): boolean {
    return (this.settings.publicUrl ?? `${request.protocol}:`).startsWith('https:');
  }

  /** Failures go back to the sign-in page with a code it explains (no detail: nothing personal in a URL). */
  private backToSignIn(reply: FastifyReply, error: unknown): void {
    if (!(error instanceof OidcSignInFailed)) throw error;
    void reply.header('set-cookie', clearCookie(PENDING_COOKIE)).redirect(`/staff/sign-in?council=${error.code}`, 303);
  }
}

function setCookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return cookieHeader(name, value, { path: COOKIE_PATH, maxAgeSeconds, sameSite: 'Lax', secure });
}

function clearCookie(name: string): string {
  return cookieHeader(name, '', { path: COOKIE_PATH, maxAgeSeconds: 0, sameSite: 'Lax', secure: false });
}
