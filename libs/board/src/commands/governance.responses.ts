import { ApiProperty } from '@nestjs/swagger';
import { WriteResultResponse } from './write-result.response.js';

export class MeetingCreatedResponse extends WriteResultResponse {
  @ApiProperty() meetingId!: string;
}

export class MemberAppointedResponse extends WriteResultResponse {
  @ApiProperty() memberId!: string;
}

export class AgendaItemAddedResponse extends WriteResultResponse {
  @ApiProperty() itemId!: string;
}
