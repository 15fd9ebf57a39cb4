import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type WriteResult } from '#event-store';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  CommandContextFactory,
  CurrentCaller,
  RequestHeaders,
  Roles,
  type Caller,
  type HeaderMap,
} from '#identity/contracts';
import { ContributionWriteResponse } from '../write-result.response.js';
import { EraseContributionCommand } from './erase-contribution.command.js';
import { EraseContributionRequest } from './erasure.request.js';

@ApiTags('voice')
@ApiBearerAuth()
@Controller('api/staff/contributions')
export class ErasureController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  // Admin only: granting an erasure request is a data-protection decision, not a moderation step.
  @Post(':contributionId/erasure')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: "Erase a young person's view on a valid request (admin only: a data-protection decision)",
    description:
      "Records the erasure and its ground, then destroys the author's key: every sealed field of the author " +
      '(the words, answers, receipt code hash, age band, care status) becomes unreadable for good, while the ' +
      'hash chain still verifies. Every read model then shows the view as erased, without its words; the ' +
      'receipt code finds nothing. Irreversible. Send an Idempotency-Key to retry safely.',
  })
  @ApiOkResponse({ type: ContributionWriteResponse })
  @ApiBadRequestResponse({ description: 'A missing or invalid ground or reason (the field is named).' })
  @ApiForbiddenResponse({ description: 'Only an admin may erase.' })
  @ApiNotFoundResponse({ description: 'No such view in your board.' })
  @ApiUnprocessableEntityResponse({ description: 'The view was already erased (code contribution-erased).' })
  erase(
    @CurrentCaller() caller: Caller,
    @RequestHeaders() headers: HeaderMap,
    @Param('contributionId') contributionId: string,
    @Body() body: EraseContributionRequest,
  ): Promise<WriteResult> {
    return this.commandBus.execute(
      new EraseContributionCommand(this.contexts.forStaff(caller, headers), contributionId, body.ground, body.reason),
    );
  }
}
