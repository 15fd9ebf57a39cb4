import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandContextFactory,
  CurrentCaller,
  Roles,
  type Caller,
  RequestHeaders,
  type HeaderMap,
} from '#identity/contracts';
import type { WriteResult } from '#event-store';
import { CHAIR, PREPARERS, PREPARERS_OR_CHAIR } from '../governance-roles.js';
import { AgendaItemAddedResponse, MeetingCreatedResponse } from '../governance.responses.js';
import { WriteResultResponse } from '../write-result.response.js';
import { AddAgendaItemCommand, type AgendaItemAddedResult } from './add-agenda-item.command.js';
import {
  AddAgendaItemRequest,
  CancelMeetingRequest,
  PublishAgendaRequest,
  ReorderAgendaRequest,
  RescheduleMeetingRequest,
  ScheduleMeetingRequest,
  WithdrawAgendaItemRequest,
} from './prepare-meeting.dto.js';
import { RescheduleMeetingCommand } from './reschedule-meeting.command.js';
import { ScheduleMeetingCommand, type MeetingCreatedResult } from './schedule-meeting.command.js';
import { RunOnMeetingCommand } from '../run-on.js';

/** Before the meeting: schedule it, build its agenda, publish the agenda with notice. */
@ApiTags('board')
@ApiBearerAuth()
@Controller('api/meetings')
export class PrepareMeetingController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Post()
  @Roles(...PREPARERS)
  @ApiOperation({ summary: 'Schedule a meeting (the standing items are offered on its agenda)' })
  @ApiCreatedResponse({ type: MeetingCreatedResponse })
  schedule(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: ScheduleMeetingRequest,
  ): Promise<MeetingCreatedResult> {
    const { meetingId, title, startsAt, endsAt, place, onlineLink, standingItems } = body;
    return this.commandBus.execute(
      new ScheduleMeetingCommand(this.contexts.forStaff(caller, headers), {
        meetingId,
        title,
        startsAt,
        endsAt,
        place,
        onlineLink,
        standingItems,
      }),
    );
  }

  @Post(':meetingId/reschedule')
  @HttpCode(200)
  @Roles(...PREPARERS_OR_CHAIR)
  @ApiOperation({ summary: 'Move a meeting (and its venue) before it opens' })
  @ApiOkResponse({ type: WriteResultResponse })
  reschedule(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Body() body: RescheduleMeetingRequest,
  ): Promise<WriteResult> {
    const { startsAt, endsAt, place, onlineLink, reason, urgencyReason } = body;
    return this.commandBus.execute(
      new RescheduleMeetingCommand(this.contexts.forStaff(caller, headers), meetingId, {
        startsAt,
        endsAt,
        place,
        onlineLink,
        reason,
        urgencyReason,
      }),
    );
  }

  @Post(':meetingId/cancel')
  @HttpCode(200)
  @Roles(...PREPARERS)
  @ApiOperation({ summary: 'Cancel a meeting that has not opened, with a reason' })
  @ApiOkResponse({ type: WriteResultResponse })
  cancel(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Body() body: CancelMeetingRequest,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new RunOnMeetingCommand(this.contexts.forStaff(caller, headers), 'CancelMeeting', meetingId, {
        reason: body.reason,
      }),
    );
  }

  @Post(':meetingId/agenda-items')
  @Roles(...PREPARERS_OR_CHAIR)
  @ApiOperation({ summary: 'Add an item to the agenda (after publication only with the chair’s urgency reason)' })
  @ApiCreatedResponse({ type: AgendaItemAddedResponse })
  addItem(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Body() body: AddAgendaItemRequest,
  ): Promise<AgendaItemAddedResult> {
    return this.commandBus.execute(
      new AddAgendaItemCommand(this.contexts.forStaff(caller, headers), meetingId, {
        itemId: body.itemId,
        title: body.title,
        purpose: body.purpose,
        lead: body.lead,
        themes: body.themes ?? [],
        principles: body.principles ?? [],
        papers: (body.papers ?? []).map(({ title, link, fileRef }) => ({ title, link, fileRef })),
        restricted: body.restricted ?? false,
        urgencyReason: body.urgencyReason,
      }),
    );
  }

  @Post(':meetingId/agenda-items/:itemId/withdraw')
  @HttpCode(200)
  @Roles(...PREPARERS)
  @ApiOperation({ summary: 'Withdraw an item from the agenda (it stays in the history, flagged)' })
  @ApiOkResponse({ type: WriteResultResponse })
  withdrawItem(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Param('itemId') itemId: string,
    @Body() body: WithdrawAgendaItemRequest,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new RunOnMeetingCommand(this.contexts.forStaff(caller, headers), 'WithdrawAgendaItem', meetingId, {
        itemId,
        reason: body.reason,
      }),
    );
  }

  @Put(':meetingId/agenda-order')
  @Roles(...PREPARERS)
  @ApiOperation({ summary: 'Reorder the agenda: the full new order of the items still on it' })
  @ApiOkResponse({ type: WriteResultResponse })
  reorder(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Body() body: ReorderAgendaRequest,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new RunOnMeetingCommand(this.contexts.forStaff(caller, headers), 'ReorderAgenda', meetingId, {
        itemIds: body.itemIds,
      }),
    );
  }

  @Post(':meetingId/publish-agenda')
  @HttpCode(200)
  @Roles(...CHAIR)
  @ApiOperation({
    summary: 'Publish the agenda: 5 clear working days’ notice in England, 3 in Wales, or a reason for urgency',
  })
  @ApiOkResponse({ type: WriteResultResponse })
  publishAgenda(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Body() body: PublishAgendaRequest,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new RunOnMeetingCommand(this.contexts.forStaff(caller, headers), 'PublishAgenda', meetingId, {
        urgencyReason: body.urgencyReason,
      }),
    );
  }
}
