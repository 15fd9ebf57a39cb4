import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '#identity/contracts';
import { BOARD_READERS } from '../board-readers.js';
import { ActionDetailView, ActionIdParams, ActionsParams, ActionView } from './action-log.dto.js';
import { GetAction } from './get-action.query.js';
import { GetActions } from './get-actions.query.js';

@ApiTags('board')
@ApiBearerAuth()
@Controller('api/actions')
export class ActionLogController {
  constructor(private readonly queries: QueryBus) {}

  /** The action log, soonest due first: open, overdue (derived from today's date), completed, cancelled; by owner. */
  @Get()
  @Roles(...BOARD_READERS)
  @ApiOkResponse({ type: [ActionView] })
  list(@CurrentCaller() caller: Caller, @QueryParam() params: ActionsParams): Promise<ActionView[]> {
    const { status, owner, decision } = params;
    return this.queries.execute(new GetActions(caller.tenantId, { status, owner, decision }));
  }

  /** An action with its progress notes. */
  @Get(':id')
  @Roles(...BOARD_READERS)
  @ApiOkResponse({ type: ActionDetailView })
  @ApiNotFoundResponse({ description: 'No such action in your board' })
  detail(@CurrentCaller() caller: Caller, @Param() params: ActionIdParams): Promise<ActionDetailView> {
    return this.queries.execute(new GetAction(caller.tenantId, params.id));
  }
}
