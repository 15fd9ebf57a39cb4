import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, RequestHeaders, type HeaderMap } from '#identity/contracts';
import { ReceiptCodeLimit } from '#platform';
import { receiptCodeOf } from '../view-receipts/receipt-code-of.js';
import { CheckView } from './check-view.query.js';
import { CheckViewRequest, MyViewResponse } from './my-view.dto.js';

/**
 * A young person comes back with their receipt code (in the body or the X-Receipt-Code header, never
 * the URL): every route is a POST so the code stays out of URLs and request logs.
 */
@ApiTags('young people')
@ApiHeader({ name: 'X-Receipt-Code', required: false, description: 'Your receipt code, if not in the body.' })
// Every route takes a receipt code: limited per client address against guessing codes.
@ReceiptCodeLimit()
@Controller('api/public/views')
export class MyViewController {
  constructor(private readonly queryBus: QueryBus) {}

  @Post('check')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: "See your view's journey, any question for you and the board's answer" })
  @ApiOkResponse({ type: MyViewResponse })
  check(@RequestHeaders() headers: HeaderMap, @Body() body: CheckViewRequest): Promise<MyViewResponse> {
    return this.queryBus.execute(new CheckView(receiptCodeOf(body, headers)));
  }
}
