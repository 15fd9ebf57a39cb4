import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, RequestHeaders, type HeaderMap } from '#identity/contracts';
import { AnonymousSubmissionLimit } from '#platform';
import { GiveView } from './give-view.command.js';
import { GiveViewRequest, GiveViewResponse } from './give-view.dto.js';

/** A young person gives a view without an account; the board is named by its slug (not personal data). */
@ApiTags('young people')
@Controller('api/public/boards')
export class GiveViewController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':board/views')
  @HttpCode(201)
  @Public()
  // Per client address (held only in memory, hashed, for the window): one client cannot lock out a board.
  @AnonymousSubmissionLimit()
  @ApiOperation({
    summary: 'Give a view (no account): answers a receipt code, shown once, and what happens next',
  })
  @ApiCreatedResponse({ type: GiveViewResponse })
  give(
    @Param('board') board: string,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: GiveViewRequest,
  ): Promise<GiveViewResponse> {
    return this.commandBus.execute(new GiveView(board, headers, body));
  }
}
