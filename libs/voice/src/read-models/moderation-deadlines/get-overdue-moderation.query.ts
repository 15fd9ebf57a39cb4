import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Clock } from '#platform';
import { overdueModeration, type OverdueModeration } from './moderation-deadlines.reader.js';

/** How many of the board's views wait past its moderation window: counts only, never which view or its words. */
export class GetOverdueModeration extends Query<OverdueModeration> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@Injectable()
@QueryHandler(GetOverdueModeration)
export class GetOverdueModerationHandler implements IQueryHandler<GetOverdueModeration, OverdueModeration> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  execute({ tenantId }: GetOverdueModeration): Promise<OverdueModeration> {
    return overdueModeration(this.db, tenantId, this.clock.now().toISOString());
  }
}
