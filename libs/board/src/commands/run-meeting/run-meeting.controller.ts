import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
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
import { CHAIR, PREPARERS, PREPARERS_OR_CHAIR } from '../governance-roles.js';
import { WriteResultResponse } from '../write-result.response.js';
import { OpenMeetingCommand } from './open-meeting.command.js';
import {
  AdjournMeetingRequest,
  DeclareInterestRequest,
  OpenMeetingRequest,
  PersonAtMeetingRequest,
  RecordMinutesRequest,
} from './run-meeting.dto.js';
import { RunOnMeetingCommand } from '../run-on.js';

/** At the meeting: attendance and quorum, declarations of interest, minutes per item, close or adjourn. */
@ApiTags('board')
@ApiBearerAuth()
@Controller('api/meetings')
export class RunMeetingController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Post(':meetingId/open')
  @HttpCode(200)
  @Roles(...CHAIR)
  @ApiOperation({
    summary: 'Open the meeting with its attendance; the quorum is checked against members serving that day',
  })
  @ApiOkResponse({ type: WriteResultResponse })
  open(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Body() body: OpenMeetingRequest,
  ): Promise<WriteResult> {
    const attendance = body.attendance.map(({ memberId, status, substituteFor }) => ({
      memberId,
      status,
      substituteFor,
    }));
    return this.commandBus.execute(
      new OpenMeetingCommand(this.contexts.forStaff(caller, headers), meetingId, { attendance }),
    );
  }

  @Post(':meetingId/interests')
  @HttpCode(200)
  @Roles(...PREPARERS_OR_CHAIR)
  @ApiOperation({ summary: 'Record a declaration of interest by a member present, for an item' })
  @ApiOkResponse({ type: WriteResultResponse })
  declareInterest(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Body() body: DeclareInterestRequest,
  ): Promise<WriteResult> {
    const { memberId, itemId, nature } = body;
    return this.commandBus.execute(
      new RunOnMeetingCommand(this.contexts.forStaff(caller, headers), 'DeclareInterest', meetingId, {
        memberId,
        itemId,
        nature,
      }),
    );
  }

  @Post(':meetingId/departures')
  @HttpCode(200)
  @Roles(...PREPARERS_OR_CHAIR)
  @ApiOperation({ summary: 'Record that someone present has left; the quorum is counted again' })
  @ApiOkResponse({ type: WriteResultResponse })
  recordDeparture(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Body() body: PersonAtMeetingRequest,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new RunOnMeetingCommand(this.contexts.forStaff(caller, headers), 'RecordDeparture', meetingId, {
        memberId: body.memberId,
      }),
    );
  }

  @Post(':meetingId/arrivals')
  @HttpCode(200)
  @Roles(...PREPARERS_OR_CHAIR)
  @ApiOperation({ summary: 'Record that someone on the attendance list has arrived; the quorum is counted again' })
  @ApiOkResponse({ type: WriteResultResponse })
  recordArrival(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Body() body: PersonAtMeetingRequest,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new RunOnMeetingCommand(this.contexts.forStaff(caller, headers), 'RecordArrival', meetingId, {
        memberId: body.memberId,
      }),
    );
  }

  @Post(':meetingId/minutes')
  @HttpCode(200)
  @Roles(...PREPARERS)
  @ApiOperation({ summary: "Record an item's minutes (again to replace them, until the minutes are approved)" })
  @ApiOkResponse({ type: WriteResultResponse })
  recordMinutes(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Body() body: RecordMinutesRequest,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new RunOnMeetingCommand(this.contexts.forStaff(caller, headers), 'RecordMinutes', meetingId, {
        itemId: body.itemId,
        text: body.text,
      }),
    );
  }

  @Post(':meetingId/close')
  @HttpCode(200)
  @Roles(...CHAIR)
  @ApiOperation({ summary: 'Close the meeting' })
  @ApiOkResponse({ type: WriteResultResponse })
  close(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new RunOnMeetingCommand(this.contexts.forStaff(caller, headers), 'CloseMeeting', meetingId, {}),
    );
  }

  @Post(':meetingId/adjourn')
  @HttpCode(200)
  @Roles(...CHAIR)
  @ApiOperation({ summary: 'Adjourn the meeting, with a reason' })
  @ApiOkResponse({ type: WriteResultResponse })
  adjourn(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('meetingId') meetingId: string,
    @Body() body: AdjournMeetingRequest,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new RunOnMeetingCommand(this.contexts.forStaff(caller, headers), 'AdjournMeeting', meetingId, {
        reason: body.reason,
      }),
    );
  }
}
