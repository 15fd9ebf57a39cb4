import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '#identity/contracts';
import { BOARD_READERS } from '../board-readers.js';
import { BoardOverviewView } from './board-overview.dto.js';
import { GetBoardOverview } from './get-board-overview.query.js';

@ApiTags('board')
@ApiBearerAuth()
@Controller('api/board')
export class BoardOverviewController {
  constructor(private readonly queries: QueryBus) {}

  /** The caller's board: name, council, jurisdiction, quorum, themes, principles, and members with their terms. */
  @Get()
  @Roles(...BOARD_READERS)
  @ApiOkResponse({ type: BoardOverviewView })
  overview(@CurrentCaller() caller: Caller): Promise<BoardOverviewView> {
    return this.queries.execute(new GetBoardOverview(caller.tenantId));
  }
}
