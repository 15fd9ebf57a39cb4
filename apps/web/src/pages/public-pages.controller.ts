import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ListBoards, Public, type PublicBoard } from '#identity';
import { PublicReadLimit } from '#platform';
import { PageRenderer } from './page-renderer.js';

/**
 * Pages anyone may read, the same for every board: the site's home (the boards on this install, "check
 * my view", the staff's sign-in), the accessibility statement and the privacy notice.
 */
@ApiExcludeController()
@Public()
@PublicReadLimit()
@Controller()
export class PublicPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const boards: PublicBoard[] = await this.queryBus.execute(new ListBoards());
    return this.pages.send(request, reply, 'site-home.njk', { boards });
  }

  @Get('accessibility')
  accessibility(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.pages.send(request, reply, 'accessibility.njk');
  }

  @Get('privacy')
  privacy(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.pages.send(request, reply, 'privacy.njk');
  }
}
