import { Controller, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearStaffSessionCookie, IDENTITY_SETTINGS, Public, servedOverHttps, type IdentitySettings } from '#identity';
import { CsrfGuard } from '../pages/csrf.guard.js';

/**
 * Sign out from a server-rendered staff page: a form that posts with its CSRF token (another site cannot
 * sign a person out), clears the session cookie and goes to the sign-in page (post/redirect/get).
 */
@ApiExcludeController()
@Public()
@Controller('staff')
export class SignOutPageController {
  constructor(@Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings) {}

  @Post('sign-out')
  @UseGuards(CsrfGuard)
  signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    clearStaffSessionCookie(reply, servedOverHttps(request, this.settings.publicUrl));
    return reply.code(303).header('location', '/staff/sign-in').send();
  }
}
