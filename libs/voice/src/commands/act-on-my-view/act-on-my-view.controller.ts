import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, RequestHeaders, type HeaderMap } from '#identity/contracts';
import { ReceiptCodeLimit } from '#platform';
import { receiptCodeOf } from '../../read-models/view-receipts/receipt-code-of.js';
import { ActOnMyView, type AuthorDone } from './act-on-my-view.command.js';
import {
  AnswerQuestionRequest,
  ChangeSharingRequest,
  SummaryResponseRequest,
  WithdrawViewRequest,
} from './act-on-my-view.request.js';

/**
 * A young person comes back with their receipt code (in the body or the X-Receipt-Code header, never
 * the URL): every route is a POST so the code stays out of URLs and request logs.
 */
@ApiTags('young people')
@ApiHeader({ name: 'X-Receipt-Code', required: false, description: 'Your receipt code, if not in the body.' })
// Every route takes a receipt code: limited per client address against guessing codes.
@ReceiptCodeLimit()
@Controller('api/public/views')
export class ActOnMyViewController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('answer')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Answer the question someone asked about your view' })
  answer(@RequestHeaders() headers: HeaderMap, @Body() body: AnswerQuestionRequest): Promise<AuthorDone> {
    return this.commandBus.execute(
      new ActOnMyView(receiptCodeOf(body, headers), headers, { kind: 'answer', text: body.text }),
    );
  }

  @Post('sharing')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Change how your view is shared (summary only, anonymised or word for word)' })
  sharing(@RequestHeaders() headers: HeaderMap, @Body() body: ChangeSharingRequest): Promise<AuthorDone> {
    return this.commandBus.execute(
      new ActOnMyView(receiptCodeOf(body, headers), headers, { kind: 'sharing', sharing: body.sharing }),
    );
  }

  @Post('summary')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Agree with the summary a worker wrote of your view, or ask for it to be changed' })
  summary(@RequestHeaders() headers: HeaderMap, @Body() body: SummaryResponseRequest): Promise<AuthorDone> {
    return this.commandBus.execute(
      new ActOnMyView(receiptCodeOf(body, headers), headers, {
        kind: 'summary',
        response: body.response,
        message: body.message,
        version: body.version,
      }),
    );
  }

  @Post('withdraw')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Take your view back: the board will not use it' })
  withdraw(@RequestHeaders() headers: HeaderMap, @Body() body: WithdrawViewRequest): Promise<AuthorDone> {
    return this.commandBus.execute(
      new ActOnMyView(receiptCodeOf(body, headers), headers, { kind: 'withdraw', reason: body.reason }),
    );
  }
}
