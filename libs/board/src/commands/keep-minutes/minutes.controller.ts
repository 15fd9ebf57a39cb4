import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandContextFactory,
  CurrentCaller,
  Roles,
  type Caller,
  RequestHeaders,
  type HeaderMap,
} from '#identity/contracts';
import type { WriteResult } from '#event-store';
import { MINUTES_PUBLISHERS, PREPARERS } from '../governance-roles.js';
import { WriteResultResponse } from '../write-result.response.js';
import { RunOnMeetingCommand } from '../run-on.js';

/** After the meeting: the clerk drafts the minutes; once the next meeting approves them, they are published. */
@ApiTags('board')
@ApiBearerAuth()
@Controller('api/meetings')
export class MinutesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Post(':meetingId/minutes/draft')
  @HttpCode(200)
  @Roles(...PREPARERS)
  @ApiOperation({ summary: 'Mark the minutes of a closed (or adjourned) meeting as drafted, for approval' })
  @ApiOkResponse({ type: WriteResultResponse })
  draft(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new RunOnMeetingCommand(this.contexts.forStaff(caller, headers), 'DraftMinutes', meetingId, {}),
    );
  }

  @Post(':meetingId/minutes/publish')
  @HttpCode(200)
  @Roles(...MINUTES_PUBLISHERS)
  @ApiOperation({ summary: 'Publish minutes approved at a later meeting' })
  @ApiOkResponse({ type: WriteResultResponse })
  publish(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new RunOnMeetingCommand(this.contexts.forStaff(caller, headers), 'PublishMinutes', meetingId, {}),
    );
  }
}
