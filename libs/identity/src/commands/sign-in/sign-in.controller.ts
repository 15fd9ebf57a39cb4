import {
  Body,
  Controller,
  HttpCode,
  HttpException,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, SignInLimit } from '#platform';
import { Public } from '../../contracts/route-access.js';
import {
  clearStaffSessionCookie,
  servedOverHttps,
  setStaffSessionCookie,
} from '../../contracts/staff-session-cookie.js';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../identity-settings.js';
import {
  IdentityService,
  SecondFactorNeeded,
  SecondFactorRefused,
  SignInLocked,
  SignInRefused,
} from '../../contracts/identity.service.js';
import { SignInRequest, SignInResponse, signInResponse } from './sign-in.dto.js';

@ApiTags('identity')
@Controller('api/auth')
export class SignInController {
  constructor(
    private readonly identity: IdentityService,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  @Post('sign-in')
  @Public()
  // Per client address, against password guessing (docs/adr/0009-rate-limits.md).
  @SignInLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: SignInResponse })
  async signIn(
    @Body() body: SignInRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    try {
      const { user, secondFactor, ...session } = await this.identity.signIn(
        body.tenant,
        body.email,
        body.password,
        body.code,
      );
      // The same session for the server-rendered staff pages (ADR 0026); not a token good only for
      // setting up a second factor, which opens no page.
      if (secondFactor !== 'set-up') setStaffSessionCookie(reply, session, this.secure(request));
      return signInResponse(user, session, secondFactor);
    } catch (error) {
      if (error instanceof SignInRefused) throw new UnauthorizedException('The board, email or password is not right.');
      if (error instanceof SecondFactorNeeded) {
        throw new HttpException(
          problem(401, 'second-factor-required', 'Enter the 6-digit code from your authenticator app.', {
            errors: [{ field: 'code', reason: 'Enter the 6-digit code from your authenticator app.' }],
          }),
          401,
        );
      }
      if (error instanceof SecondFactorRefused) {
        throw new HttpException(
          problem(
            401,
            'second-factor-refused',
            'That code is not right, or was used already. Enter the code the app shows now.',
            {
              errors: [{ field: 'code', reason: 'That code is not right. Enter the code the app shows now.' }],
            },
          ),
          401,
        );
      }
      if (error instanceof SignInLocked) {
        void reply.header('retry-after', String(error.seconds));
        throw new HttpException(
          problem(
            429,
            'sign-in-locked',
            `Too many failed sign-ins for this account. Try again in ${describeWait(error.seconds)}.`,
            { retryAfterSeconds: error.seconds },
          ),
          429,
        );
      }
      throw error;
    }
  }

  /**
   * Signing out: the staff pages' session cookie is cleared (the token in a tab's sessionStorage is the
   * tab's to forget). Public, so an expired session can still sign out; it changes nothing else.
   */
  @Post('sign-out')
  @Public()
  @HttpCode(204)
  signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    clearStaffSessionCookie(reply, this.secure(request));
  }

  private secure(request: FastifyRequest): boolean {
    return servedOverHttps(request, this.settings.publicUrl);
  }
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
