import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  AGE_BANDS,
  CARE_STATUSES,
  CONTRIBUTION_TEXT_MAX_CHARS,
  SHARING_CHOICES,
  type AgeBand,
  type CareStatus,
  type Channel,
  type Sharing,
} from '../../domain/index.js';

/** Every channel but 'online': online views are the young person's own, through the public route. */
export const STAFF_CHANNELS = ['cicc-session', 'survey', 'advocate', 'worker'] as const satisfies readonly Channel[];
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

/**
 * A young person's view entered by an advocate or worker. Who entered it comes from the sign-in token,
 * never from the body (a `submittedBy` field here is refused as unknown).
 */
export class OnBehalfViewRequest {
  @ApiProperty({ description: "The young person's words, as they gave them (1 to 5,000 characters).", maxLength: 5000 })
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(CONTRIBUTION_TEXT_MAX_CHARS)
  text!: string;

  @ApiProperty({
    enum: STAFF_CHANNELS,
    description: 'Where it was given: a Children in Care Council session, a survey, or to an advocate or worker.',
  })
  @IsIn(STAFF_CHANNELS, {
    message: `channel must be one of ${STAFF_CHANNELS.join(', ')}: young people give online views themselves`,
  })
  channel!: StaffChannel;

  @ApiPropertyOptional({ type: [String], description: "Topics, as codes (e.g. 'housing')." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  themes?: string[];

  @ApiPropertyOptional({
    description:
      "What the view is about: {kind:'call', callId}, {kind:'meeting', meetingId} or {kind:'agenda-item', meetingId, itemId}.",
  })
  @IsOptional()
  @IsObject()
  target?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: AGE_BANDS })
  @IsOptional()
  @IsIn(AGE_BANDS, { message: `$property must be one of ${AGE_BANDS.join(', ')}` })
  ageBand?: AgeBand;

  @ApiPropertyOptional({ enum: CARE_STATUSES })
  @IsOptional()
  @IsIn(CARE_STATUSES, { message: `$property must be one of ${CARE_STATUSES.join(', ')}` })
  careStatus?: CareStatus;

  @ApiPropertyOptional({
    enum: SHARING_CHOICES,
    description: "The young person's own choice; defaults to 'summary-only', the most private.",
  })
  @IsOptional()
  @IsIn(SHARING_CHOICES, { message: `$property must be one of ${SHARING_CHOICES.join(', ')}` })
  sharing?: Sharing;
}

/** Deliberately without the words: staff who typed them in cannot read them back here. */
export class OnBehalfViewResponse {
  @ApiProperty({ description: 'The view recorded.' })
  contributionId!: string;

  @ApiProperty({
    description: 'Shown once: hand it to the young person. It is their only way back to their view.',
    example: '7KQ2-M9XD-4RTW-8HJN-5',
  })
  receiptCode!: string;

  @ApiProperty({ description: 'What to tell the young person happens next, in plain words.' })
  whatHappensNext!: string;
}
