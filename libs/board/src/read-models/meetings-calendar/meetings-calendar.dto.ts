import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LISTED_MEETING_STATUSES, type ListedMeetingStatus } from '../meeting-status.js';
import { IsCalendarDate, NotBefore } from '#platform';

export class MeetingsParams {
  @ApiPropertyOptional({ description: 'Meetings on or after this London date', example: '2026-04-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Meetings on or before this London date', example: '2026-07-31' })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('from')
  to?: string;

  @ApiPropertyOptional({ enum: LISTED_MEETING_STATUSES })
  @IsOptional()
  @IsIn(LISTED_MEETING_STATUSES, { message: `status must be one of ${LISTED_MEETING_STATUSES.join(', ')}` })
  status?: ListedMeetingStatus;
}

export class MeetingSummaryView {
  @ApiProperty() meetingId!: string;
  @ApiProperty({ example: 'Corporate Parenting Board' }) title!: string;
  @ApiProperty({ example: '2026-04-14T17:30:00+01:00' }) startsAt!: string;
  @ApiPropertyOptional() endsAt?: string;
  @ApiProperty({ description: 'The London date of the meeting', example: '2026-04-14' }) meetingOn!: string;
  @ApiPropertyOptional() place?: string;
  @ApiPropertyOptional() onlineLink?: string;
  @ApiProperty({ enum: LISTED_MEETING_STATUSES }) status!: ListedMeetingStatus;
  @ApiPropertyOptional() agendaPublishedAt?: string;
  @ApiPropertyOptional() cancelledReason?: string;
  @ApiProperty({ description: 'Changes made since scheduling (iCalendar SEQUENCE)' }) sequence!: number;
}
