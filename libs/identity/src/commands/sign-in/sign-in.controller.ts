import { Body, Controller, HttpCode, HttpException, Post, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { problem, SignInLimit } from '#platform';
import { Public } from '../../contracts/route-access.js';
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
  constructor(private readonly identity: IdentityService) {}

  @Post('sign-in')
  @Public()
  // Per client address, against password guessing (docs/adr/0009-rate-limits.md).
  @SignInLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: SignInResponse })
  async signIn(@Body() body: SignInRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SignInResponse> {
    try {
      const { user, secondFactor, ...session } = await this.identity.signIn(
        body.tenant,
        body.email,
        body.password,
        body.code,
      );
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
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
