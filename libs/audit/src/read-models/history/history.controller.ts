import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '#identity/contracts';
import { GetDecisionAsAt, GetMeetingAsAt, type DecisionThen, type MeetingThen } from './get-as-at.query.js';
import { GetHistory, type History } from './get-history.query.js';
import { AsAtParams, checkedId, cutOf } from './history.params.js';
import { DecisionThenResponse, HistoryResponse, MeetingThenResponse } from './history.responses.js';

// Auditors and admins read every history. The chair and clerk run the board's meetings and decisions, so
// they may read those histories and travel back in them too; a view's history is for the audit only.
const BOARD_AUDIT = ['auditor', 'admin', 'chair', 'clerk'] as const;
const VIEW_AUDIT = ['auditor', 'admin'] as const;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class HistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get('decisions/:id/history')
  @Roles(...BOARD_AUDIT)
  @ApiOperation({ summary: 'Every event of a decision, in order, with actor, command and correlation' })
  @ApiOkResponse({ type: HistoryResponse })
  decisionHistory(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<History> {
    return this.queries.execute(new GetHistory(caller, 'decision', checkedId(id, 'decision')));
  }

  @Get('meetings/:id/history')
  @Roles(...BOARD_AUDIT)
  @ApiOperation({ summary: 'Every event of a meeting, in order, with actor, command and correlation' })
  @ApiOkResponse({ type: HistoryResponse })
  meetingHistory(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<History> {
    return this.queries.execute(new GetHistory(caller, 'meeting', checkedId(id, 'meeting')));
  }

  @Get('views/:id/history')
  @Roles(...VIEW_AUDIT)
  @ApiOperation({
    summary: 'Every event of a view: kinds, times, statuses, sharing, tabling and citations; never its words',
    description:
      'The author is shown as "the young person", never by pseudonym. A view withheld for safeguarding ' +
      'answers only that it was withheld.',
  })
  @ApiOkResponse({ type: HistoryResponse })
  viewHistory(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<History> {
    return this.queries.execute(new GetHistory(caller, 'view', checkedId(id, 'view')));
  }

  @Get('decisions/:id')
  @Roles(...BOARD_AUDIT)
  @ApiOperation({
    summary: 'A decision as it stood at a moment or log position, and what the board knew when it was recorded',
    description:
      'asAt compares each event’s recordedAt; position compares log positions; neither means now. ' +
      '"What the board knew" is always taken at the DecisionRecorded event: the views tabled at its item, ' +
      'and those it cited, each as it stood then (ids, themes, influence; never words). Views withheld ' +
      'for safeguarding are only counted. Reads the decision’s own stream and the view timeline index: ' +
      'never the whole log.',
  })
  @ApiOkResponse({ type: DecisionThenResponse })
  decisionAsAt(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @QueryParam() params: AsAtParams,
  ): Promise<DecisionThen> {
    return this.queries.execute(new GetDecisionAsAt(caller, checkedId(id, 'decision'), cutOf(params)));
  }

  @Get('meetings/:id')
  @Roles(...BOARD_AUDIT)
  @ApiOperation({ summary: 'A meeting as it stood at a moment or log position, with the views tabled by then' })
  @ApiOkResponse({ type: MeetingThenResponse })
  meetingAsAt(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @QueryParam() params: AsAtParams,
  ): Promise<MeetingThen> {
    return this.queries.execute(new GetMeetingAsAt(caller, checkedId(id, 'meeting'), cutOf(params)));
  }
}
