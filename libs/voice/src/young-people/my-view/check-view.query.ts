import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReceiptLookup } from '../receipts/receipt-lookup.js';
import type { MyViewResponse } from './my-view.dto.js';
import { journeyOf } from './my-view.journey.js';

/** What happened to a view, found by its receipt code alone. */
export class CheckView extends Query<MyViewResponse> {
  constructor(readonly receiptCode: string) {
    super();
  }
}

@Injectable()
@QueryHandler(CheckView)
export class CheckViewHandler implements IQueryHandler<CheckView, MyViewResponse> {
  constructor(private readonly receipts: ReceiptLookup) {}

  async execute({ receiptCode }: CheckView): Promise<MyViewResponse> {
    return journeyOf(await this.receipts.find(receiptCode));
  }
}
