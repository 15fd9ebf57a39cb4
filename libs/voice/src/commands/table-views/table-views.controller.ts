import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GroupWriteResponse } from '../write-result.response.js';
import {
  CommandContextFactory,
  CurrentCaller,
  Roles,
  type Caller,
  type StaffRole,
  RequestHeaders,
  type HeaderMap,
} from '#identity/contracts';
import { TableViewsCommand, type GroupWriteResult } from './table-views.command.js';
import { ViewsRequest } from './table-views.request.js';

// The clerk prepares the papers; admin may stand in.
const CLERK: StaffRole[] = ['clerk', 'admin'];

@ApiTags('voice')
@ApiBearerAuth()
@Controller('api')
export class TableViewsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

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
}
