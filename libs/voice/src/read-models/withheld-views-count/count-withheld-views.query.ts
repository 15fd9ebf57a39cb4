import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { statusRows } from '../contribution-status/contribution-status.rows.js';

/** How many of the board's views were withheld for safeguarding: a count only, never which or their words. */
export class CountWithheldViews extends Query<{ withheld: number }> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@Injectable()
@QueryHandler(CountWithheldViews)
export class CountWithheldViewsHandler implements IQueryHandler<CountWithheldViews, { withheld: number }> {
  constructor(private readonly db: DataSource) {}

  async execute({ tenantId }: CountWithheldViews): Promise<{ withheld: number }> {
    const rows = await statusRows(this.db, tenantId, { sql: 't.escalated = true', params: {} });
    return { withheld: rows.length };
  }
}
