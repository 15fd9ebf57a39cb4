import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '#identity/contracts';
import { PublicReadLimit } from '#platform';
import { GetOpenCalls, type OpenCallView } from './calls-for-views.query.js';
import { OpenCallResponse } from './calls-for-views.responses.js';

/** The questions a board is asking young people now: no account needed. */
@ApiTags('young people')
@Controller('api/public/boards')
export class PublicCallsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':board/calls')
  @Public()
  // Reads are cheap but anonymous: bounded per client address.
  @PublicReadLimit()
  @ApiOkResponse({ type: [OpenCallResponse] })
  @ApiOperation({ summary: "A board's open calls for views: question, closing day and themes only" })
  list(@Param('board') board: string): Promise<OpenCallView[]> {
    return this.queryBus.execute(new GetOpenCalls(board));
  }
}
