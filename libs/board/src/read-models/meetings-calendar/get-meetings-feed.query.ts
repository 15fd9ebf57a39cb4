import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '#platform';
import { GetMeetings, GetMeetingsHandler } from './get-meetings.query.js';
import { meetingsICalendar } from './meetings-icalendar.js';

/** Every meeting of the caller's board as an iCalendar document (cancelled ones marked CANCELLED). */
export class GetMeetingsFeed extends Query<string> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@Injectable()
@QueryHandler(GetMeetingsFeed)
export class GetMeetingsFeedHandler implements IQueryHandler<GetMeetingsFeed, string> {
  constructor(
    private readonly meetings: GetMeetingsHandler,
    private readonly clock: Clock,
  ) {}

  async execute({ tenantId }: GetMeetingsFeed): Promise<string> {
    const meetings = await this.meetings.execute(new GetMeetings(tenantId));
    return meetingsICalendar(meetings, this.clock.now());
  }
}
