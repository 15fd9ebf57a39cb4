import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '#identity/contracts';
import { BOARD_READERS } from '../board-readers.js';
import { GetMeetingDetail } from './get-meeting-detail.query.js';
import { MeetingDetailView, MeetingIdParams } from './meeting-detail.dto.js';

@ApiTags('board')
@ApiBearerAuth()
@Controller('api/meetings')
export class MeetingDetailController {
  constructor(private readonly queries: QueryBus) {}

  /** A meeting in full: agenda, notice, attendance and quorum, declarations, minutes, decisions, timeline. */
  @Get(':id')
  @Roles(...BOARD_READERS)
  @ApiOkResponse({ type: MeetingDetailView })
  @ApiNotFoundResponse({ description: 'No such meeting in your board' })
  detail(@CurrentCaller() caller: Caller, @Param() params: MeetingIdParams): Promise<MeetingDetailView> {
    return this.queries.execute(new GetMeetingDetail(caller.tenantId, params.id));
  }
}
