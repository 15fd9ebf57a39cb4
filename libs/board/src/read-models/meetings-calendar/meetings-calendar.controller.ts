import { Controller, Get, Header, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '#identity/contracts';
import { BOARD_READERS } from '../board-readers.js';
import { GetMeetingsFeed } from './get-meetings-feed.query.js';
import { GetMeetings } from './get-meetings.query.js';
import { MeetingsParams, MeetingSummaryView } from './meetings-calendar.dto.js';

@ApiTags('board')
@ApiBearerAuth()
@Controller('api/meetings')
export class MeetingsCalendarController {
  constructor(private readonly queries: QueryBus) {}

  /** The board's meetings, earliest first; filter by London date range and status. */
  @Get()
  @Roles(...BOARD_READERS)
  @ApiOkResponse({ type: [MeetingSummaryView] })
  list(@CurrentCaller() caller: Caller, @QueryParam() params: MeetingsParams): Promise<MeetingSummaryView[]> {
    const { from, to, status } = params;
    return this.queries.execute(new GetMeetings(caller.tenantId, { from, to, status }));
  }

  /**
   * The meetings as an iCalendar feed. It takes the same bearer token as the rest of the API; calendar
   * apps cannot send one, so subscribing from them needs a per-user feed token (not built yet).
   */
  @Get('calendar.ics')
  @Roles(...BOARD_READERS)
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'An iCalendar (RFC 5545) document, one VEVENT per meeting', type: String })
  feed(@CurrentCaller() caller: Caller): Promise<string> {
    return this.queries.execute(new GetMeetingsFeed(caller.tenantId));
  }
}
