import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
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
import type { ActionOwner } from '../../domain/index.js';
import type { WriteResult } from '#event-store';
import { ACTION_MANAGERS, ACTION_UPDATERS } from '../decision-roles.js';
import { ActionAssignedResponse } from '../decisions.responses.js';
import { WriteResultResponse } from '../write-result.response.js';
import {
  ActionProgressRequest,
  AssignActionRequest,
  CancelActionRequest,
  CompleteActionRequest,
  type ActionOwnerRequest,
} from './actions.request.js';
import { AssignActionCommand, type ActionAssignedResult } from './assign-action.command.js';
import { UpdateActionCommand, type ActionUpdate } from './update-action.command.js';

@ApiTags('board')
@ApiBearerAuth()
@Controller('api')
export class ActionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Post('decisions/:decisionId/actions')
  @Roles(...ACTION_MANAGERS)
  @ApiOperation({ summary: 'Assign an action from a decision: description, owner (a member or officer), due date' })
  @ApiCreatedResponse({ type: ActionAssignedResponse })
  assign(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('decisionId') decisionId: string,
    @Body() body: AssignActionRequest,
  ): Promise<ActionAssignedResult> {
    const input = {
      actionId: body.actionId,
      description: body.description,
      owner: toOwner(body.owner),
      dueOn: body.dueOn,
    };
    return this.commandBus.execute(new AssignActionCommand(this.contexts.forStaff(caller, headers), decisionId, input));
  }

  @Post('actions/:actionId/progress')
  @HttpCode(200)
  @Roles(...ACTION_UPDATERS)
  @ApiOperation({ summary: 'Record progress on an open action (an officer: only on actions they own)' })
  @ApiOkResponse({ type: WriteResultResponse })
  progress(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('actionId') actionId: string,
    @Body() body: ActionProgressRequest,
  ): Promise<WriteResult> {
    return this.update(caller, headers, actionId, { type: 'RecordProgress', note: body.note });
  }

  @Post('actions/:actionId/complete')
  @HttpCode(200)
  @Roles(...ACTION_UPDATERS)
  @ApiOperation({ summary: 'Complete an open action, with evidence (an officer: only actions they own)' })
  @ApiOkResponse({ type: WriteResultResponse })
  complete(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('actionId') actionId: string,
    @Body() body: CompleteActionRequest,
  ): Promise<WriteResult> {
    return this.update(caller, headers, actionId, { type: 'CompleteAction', evidence: body.evidence });
  }

  @Post('actions/:actionId/cancel')
  @HttpCode(200)
  @Roles(...ACTION_MANAGERS)
  @ApiOperation({ summary: 'Cancel an open action, with the reason' })
  @ApiOkResponse({ type: WriteResultResponse })
  cancel(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('actionId') actionId: string,
    @Body() body: CancelActionRequest,
  ): Promise<WriteResult> {
    return this.update(caller, headers, actionId, { type: 'CancelAction', reason: body.reason });
  }

  private update(caller: Caller, headers: HeaderMap, actionId: string, update: ActionUpdate): Promise<WriteResult> {
    return this.commandBus.execute(new UpdateActionCommand(this.contexts.forStaff(caller, headers), actionId, update));
  }
}

function toOwner(owner: ActionOwnerRequest): ActionOwner {
  if (owner.memberId !== undefined && owner.memberId !== null) return { memberId: owner.memberId };
  const officer = owner.officer!;
  return { officer: officer.id === undefined ? { name: officer.name } : { id: officer.id, name: officer.name } };
}
