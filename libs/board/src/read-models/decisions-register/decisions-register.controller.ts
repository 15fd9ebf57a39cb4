import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '#identity/contracts';
import { BOARD_READERS } from '../board-readers.js';
import {
  DecisionDetailView,
  DecisionIdParams,
  DecisionsParams,
  DecisionSummaryView,
} from './decisions-register.dto.js';
import { GetDecision } from './get-decision.query.js';
import { GetDecisions } from './get-decisions.query.js';

@ApiTags('board')
@ApiBearerAuth()
@Controller('api/decisions')
export class DecisionsRegisterController {
  constructor(private readonly queries: QueryBus) {}

  /** The decisions register, newest first: filter by theme, principle, date range, influence, voice evidence. */
  @Get()
  @Roles(...BOARD_READERS)
  @ApiOkResponse({ type: [DecisionSummaryView] })
  list(@CurrentCaller() caller: Caller, @QueryParam() params: DecisionsParams): Promise<DecisionSummaryView[]> {
    const { theme, principle, from, to, influence, voiceEvidence } = params;
    return this.queries.execute(
      new GetDecisions(caller.tenantId, { theme, principle, from, to, influence, voiceEvidence }),
    );
  }

  /** A decision in full: reasons, alternatives, the views cited and why, and its amendments or supersession. */
  @Get(':id')
  @Roles(...BOARD_READERS)
  @ApiOkResponse({ type: DecisionDetailView })
  @ApiNotFoundResponse({ description: 'No such decision in your board' })
  detail(@CurrentCaller() caller: Caller, @Param() params: DecisionIdParams): Promise<DecisionDetailView> {
    return this.queries.execute(new GetDecision(caller.tenantId, params.id));
  }
}
