import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandContextFactory,
  CurrentCaller,
  Roles,
  type Caller,
  type StaffRole,
  RequestHeaders,
  type HeaderMap,
} from '#identity/contracts';
import { checkReadingAge, type ReadingAgeCheck } from '../../domain/index.js';
import { VoiceSettings } from '../../read-models/voice-settings/voice-settings.reader.js';
import { FeedbackRecordedResponse, ReadingAgeRequest, ReadingAgeResponse } from './reading-age.dto.js';
import { RecordFeedbackCommand, type FeedbackWriteResult } from './record-feedback.command.js';
import { FeedbackRequest } from './record-feedback.request.js';

// The clerk writes the board's answers back to young people; admin may stand in.
const CLERK: StaffRole[] = ['clerk', 'admin'];

@ApiTags('voice')
@ApiBearerAuth()
@Controller('api')
export class RecordFeedbackController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
    private readonly settings: VoiceSettings,
  ) {}

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
