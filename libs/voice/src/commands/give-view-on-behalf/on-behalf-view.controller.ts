import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandContextFactory,
  CurrentCaller,
  RequestHeaders,
  Roles,
  type Caller,
  type HeaderMap,
  type StaffRole,
} from '#identity/contracts';
import { SubmitOnBehalfCommand } from './on-behalf-view.command.js';
import { OnBehalfViewRequest, OnBehalfViewResponse } from './on-behalf-view.request.js';

// Those who work with young people and take their views down: officers (social workers, advocates,
// leaving-care workers) and the moderator, who is usually the participation officer running Children in
// Care Council sessions and surveys. Not the board's clerk, chair, members or admin: they do not meet
// young people to take their views, and the board must not be able to put words in a child's mouth.
const WORKERS: StaffRole[] = ['officer', 'moderator'];

@ApiTags('voice')
@ApiBearerAuth()
@Controller('api/staff/views')
export class OnBehalfViewController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...WORKERS)
  @ApiCreatedResponse({ type: OnBehalfViewResponse })
  @ApiOperation({
    summary:
      "Enter a young person's view given at a CiCC session, in a survey, or to an advocate or worker; answers their receipt code, once",
  })
  submit(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Body() body: OnBehalfViewRequest,
  ): Promise<OnBehalfViewResponse> {
    return this.commandBus.execute(new SubmitOnBehalfCommand(this.contexts.forStaff(caller, headers), body));
  }
}
