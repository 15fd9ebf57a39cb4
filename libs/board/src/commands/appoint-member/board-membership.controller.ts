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
import { PREPARERS } from '../governance-roles.js';
import { MemberAppointedResponse } from '../governance.responses.js';
import { WriteResultResponse } from '../write-result.response.js';
import { AppointMemberCommand, type MemberAppointedResult } from './appoint-member.command.js';
import { AppointMemberRequest, ConfigureBoardRequest, StandDownMemberRequest } from './board-membership.dto.js';
import { RunOnBoardCommand } from '../run-on.js';

@ApiTags('board')
@ApiBearerAuth()
@Controller('api/board')
export class BoardMembershipController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Put()
  @Roles(...PREPARERS)
  @ApiOperation({ summary: 'Configure the board: name, council, jurisdiction, quorum, terms, themes, principles' })
  @ApiOkResponse({ type: WriteResultResponse })
  configure(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: ConfigureBoardRequest,
  ): Promise<WriteResult> {
    const { name, council, jurisdiction, quorum, termsOfReference, themes, principles } = body;
    return this.commandBus.execute(
      new RunOnBoardCommand(this.contexts.forStaff(caller, headers), 'ConfigureBoard', {
        name,
        council,
        jurisdiction,
        quorum,
        termsOfReference,
        themes: themes?.map(({ code, label }) => ({ code, label })),
        principles: principles?.map(({ code, label }) => ({ code, label })),
      }),
    );
  }

  @Post('members')
  @Roles(...PREPARERS)
  @ApiOperation({ summary: 'Appoint a member (or re-appoint a former one, by memberId) for a new term' })
  @ApiCreatedResponse({ type: MemberAppointedResponse })
  appoint(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: AppointMemberRequest,
  ): Promise<MemberAppointedResult> {
    const { memberId, name, role, appointedOn } = body;
    return this.commandBus.execute(
      new AppointMemberCommand(this.contexts.forStaff(caller, headers), { memberId, name, role, appointedOn }),
    );
  }

  @Post('members/:memberId/stand-down')
  @HttpCode(200)
  @Roles(...PREPARERS)
  @ApiOperation({ summary: "End a member's current term; their history is kept" })
  @ApiOkResponse({ type: WriteResultResponse })
  standDown(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('memberId') memberId: string,
    @Body() body: StandDownMemberRequest,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new RunOnBoardCommand(this.contexts.forStaff(caller, headers), 'StandDownMember', {
        memberId,
        on: body.on,
        reason: body.reason,
      }),
    );
  }
}
