import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandContextFactory,
  CurrentCaller,
  RequestHeaders,
  Roles,
  type Caller,
  type HeaderMap,
  type StaffRole,
} from '#identity/contracts';
import { CloseCallCommand, OpenCallCommand, type CallWriteResult } from './calls-for-views.commands.js';
import { CallWriteResponse, CloseCallRequest, OpenCallRequest } from './calls-for-views.request.js';

// The board asks: the chair, the clerk who prepares its business, or an admin standing in.
const ASKERS: StaffRole[] = ['clerk', 'chair', 'admin'];

@ApiTags('voice')
@ApiBearerAuth()
@Controller('api/calls-for-views')
export class RunCallForViewsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Post()
  @Roles(...ASKERS)
  @ApiCreatedResponse({ type: CallWriteResponse })
  @ApiOperation({ summary: 'Open a call for views: a question to young people, with a closing date' })
  open(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: OpenCallRequest,
  ): Promise<CallWriteResult> {
    return this.commandBus.execute(new OpenCallCommand(this.contexts.forStaff(caller, headers), body));
  }

  @Post(':callId/close')
  @HttpCode(200)
  @Roles(...ASKERS)
  @ApiOkResponse({ type: CallWriteResponse })
  @ApiOperation({ summary: 'Close a call early; views that arrive afterwards are still taken, marked late' })
  close(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('callId') callId: string,
    @Body() body: CloseCallRequest,
  ): Promise<CallWriteResult> {
    return this.commandBus.execute(new CloseCallCommand(this.contexts.forStaff(caller, headers), callId, body.reason));
  }
}
