import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GroupWriteResponse, ViewReadyToTableResponse } from '../staff-responses.js';
import {
  CommandContextFactory,
  CurrentCaller,
  Roles,
  type Caller,
  type StaffRole,
  RequestHeaders,
  type HeaderMap,
} from '#identity';
import {
  RecordFeedbackCommand,
  TableViewsCommand,
  type FeedbackWriteResult,
  type GroupWriteResult,
} from './tabling.commands.js';
import { checkReadingAge, type ReadingAgeCheck } from '../../domain/index.js';
import { VoiceSettings } from '../../settings/voice-settings.reader.js';
import { FeedbackRecordedResponse, ReadingAgeRequest, ReadingAgeResponse } from './feedback/reading-age.dto.js';
import { FeedbackRequest, ViewsRequest } from './tabling.request.js';
import { GetViewsReadyToTable, type ViewReadyToTable } from './views-ready-to-table.query.js';

// The clerk prepares the papers and writes the answers back; admin may stand in.
const CLERK: StaffRole[] = ['clerk', 'admin'];

@ApiTags('voice')
@ApiBearerAuth()
@Controller('api')
export class TablingController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly contexts: CommandContextFactory,
    private readonly settings: VoiceSettings,
  ) {}

  @Get('views/ready-to-table')
  @Roles(...CLERK)
  @ApiOkResponse({ type: [ViewReadyToTableResponse] })
  @ApiOperation({
    summary:
      'Accepted views not yet tabled, oldest first, with their words as the board may read them (each read is access-logged)',
  })
  readyToTable(@CurrentCaller() caller: Caller): Promise<ViewReadyToTable[]> {
    return this.queryBus.execute(new GetViewsReadyToTable(caller));
  }

  @Post('meetings/:meetingId/agenda-items/:itemId/views')
  @Roles(...CLERK)
  @ApiCreatedResponse({ type: GroupWriteResponse })
  @ApiOperation({ summary: 'Table accepted views at an agenda item (each view once per item)' })
  table(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Param('itemId') itemId: string,
    @Body() body: ViewsRequest,
  ): Promise<GroupWriteResult> {
    return this.commandBus.execute(
      new TableViewsCommand(this.contexts.forStaff(caller, headers), 'table', meetingId, itemId, body.contributionIds),
    );
  }

  @Post('meetings/:meetingId/agenda-items/:itemId/views/considered')
  @Roles(...CLERK)
  @ApiCreatedResponse({ type: GroupWriteResponse })
  @ApiOperation({ summary: 'Mark views tabled at an agenda item as considered there' })
  considered(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Param('itemId') itemId: string,
    @Body() body: ViewsRequest,
  ): Promise<GroupWriteResult> {
    return this.commandBus.execute(
      new TableViewsCommand(
        this.contexts.forStaff(caller, headers),
        'considered',
        meetingId,
        itemId,
        body.contributionIds,
      ),
    );
  }

  @Post('views/feedback')
  @Roles(...CLERK)
  @ApiCreatedResponse({ type: FeedbackRecordedResponse })
  @ApiOperation({
    summary: 'Record one response ("you said, we did") for one view or a group of views',
    description:
      "The response's reading age is measured first: above the board's limit (default 11) it is refused " +
      '(422 /problems/reading-age-too-high, with the reading age found and the limit) unless readingAgeReason ' +
      'says why it must go as it is. A later response is added beside the earlier ones, never replacing them.',
  })
  feedback(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: FeedbackRequest,
  ): Promise<FeedbackWriteResult> {
    return this.commandBus.execute(
      new RecordFeedbackCommand(
        this.contexts.forStaff(caller, headers),
        body.contributionIds,
        body.text,
        body.decisionIds,
        body.actionIds,
        body.readingAgeReason,
      ),
    );
  }

  // A pure estimate against the board's limit: nothing is written, so it is answered here without a bus.
  @Post('staff/feedback/reading-age')
  @HttpCode(200)
  @Roles(...CLERK)
  @ApiOkResponse({ type: ReadingAgeResponse })
  @ApiOperation({
    summary: "Check the reading age of a response before sending it, against the board's limit (writes nothing)",
  })
  async readingAge(@CurrentCaller() caller: Caller, @Body() body: ReadingAgeRequest): Promise<ReadingAgeCheck> {
    return checkReadingAge(body.text, await this.settings.answerReadingAge(caller.tenantId));
  }
}
