import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '#identity';
import { AnonymousRateLimiter, SUBMISSIONS } from '../shared/anonymous-rate-limit.js';
import { RequestHeaders, type HeaderMap } from '../shared/request-headers.js';
import { GiveView } from './give-view.command.js';
import { GiveViewRequest, GiveViewResponse } from './give-view.dto.js';

/** A young person gives a view without an account; the board is named by its slug (not personal data). */
@ApiTags('young people')
@Controller('api/public/boards')
export class GiveViewController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly limiter: AnonymousRateLimiter,
  ) {}

  @Post(':board/views')
  @HttpCode(201)
  @Public()
  @ApiOperation({
    summary: 'Give a view (no account): answers a receipt code, shown once, and what happens next',
  })
  @ApiCreatedResponse({ type: GiveViewResponse })
  give(
    @Param('board') board: string,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: GiveViewRequest,
  ): Promise<GiveViewResponse> {
    // Per board, never per IP address: no address is kept.
    this.limiter.take(`give-view:${board}`, SUBMISSIONS);
    return this.commandBus.execute(new GiveView(board, headers, body));
  }
}
