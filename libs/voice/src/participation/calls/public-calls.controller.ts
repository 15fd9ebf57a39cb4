import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '#identity';
import { AnonymousRateLimiter, type RateLimit } from '../../young-people/shared/anonymous-rate-limit.js';
import { GetOpenCalls, type OpenCallView } from './calls-for-views.query.js';
import { OpenCallResponse } from './calls-for-views.request.js';

// Reads are cheap but anonymous: limited per board, never per IP address (no address is kept).
const CALL_LISTS: RateLimit = { perMinute: 120 };

/** The questions a board is asking young people now: no account needed. */
@ApiTags('young people')
@Controller('api/public/boards')
export class PublicCallsController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly limiter: AnonymousRateLimiter,
  ) {}

  @Get(':board/calls')
  @Public()
  @ApiOkResponse({ type: [OpenCallResponse] })
  @ApiOperation({ summary: "A board's open calls for views: question, closing day and themes only" })
  list(@Param('board') board: string): Promise<OpenCallView[]> {
    this.limiter.take(`call-list:${board}`, CALL_LISTS);
    return this.queryBus.execute(new GetOpenCalls(board));
  }
}
