import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '#platform';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../domain/index.js';

export class AttendanceDto {
  @ApiProperty({ description: "The board member's id; for a substitute, the substitute's own id." })
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  memberId!: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES, { message: `$property must be one of ${ATTENDANCE_STATUSES.join(', ')}` })
  status!: AttendanceStatus;

  @ApiPropertyOptional({ description: "With status 'substitute': the member this person stands in for." })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  substituteFor?: string;
}

export class OpenMeetingRequest {
  @ApiProperty({
    type: [AttendanceDto],
    description: 'Who is present, sent apologies, is absent, or substitutes for whom. The quorum is checked.',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AttendanceDto)
  attendance!: AttendanceDto[];
}

export class DeclareInterestRequest {
  @ApiProperty({ description: 'The member declaring (present at the meeting).' })
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  memberId!: string;

  @ApiProperty({ description: 'The agenda item the interest concerns.' })
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  itemId!: string;

  @ApiProperty({ example: 'Foster carer for the council' })
  @IsString()
  @Length(1, 2000)
  nature!: string;
}

/** Someone on the meeting's attendance list, arriving or leaving while it is in progress. */
export class PersonAtMeetingRequest {
  @ApiProperty({ description: 'The member or substitute arriving or leaving (on the attendance list).' })
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  memberId!: string;
}

export class RecordMinutesRequest {
  @ApiProperty({ description: 'The agenda item these minutes record.' })
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  itemId!: string;

  @ApiProperty({ description: "The item's minutes; recording again replaces them until they are approved." })
  @IsString()
  @Length(1, 100_000)
  text!: string;
}

export class AdjournMeetingRequest {
  @ApiProperty({ example: 'Fire alarm' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
