import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '#identity';
import { PublicReadLimit } from '#platform';
import { PageRenderer } from './page-renderer.js';

/** Pages anyone may read, the same for every board: the accessibility statement and the privacy notice. */
@ApiExcludeController()
@Public()
@PublicReadLimit()
@Controller()
export class PublicPagesController {
  constructor(private readonly pages: PageRenderer) {}

  @Get('accessibility')
  accessibility(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.pages.send(request, reply, 'accessibility.njk');
  }

  @Get('privacy')
  privacy(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.pages.send(request, reply, 'privacy.njk');
  }
}
