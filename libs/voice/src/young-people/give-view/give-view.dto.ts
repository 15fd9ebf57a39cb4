import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  AGE_BANDS,
  CARE_STATUSES,
  CONTRIBUTION_TEXT_MAX_CHARS,
  SHARING_CHOICES,
  type AgeBand,
  type CareStatus,
  type Sharing,
} from '../../domain/index.js';

/** A young person's view, given online without an account. */
export class GiveViewRequest {
  @ApiProperty({ description: 'Your view, in your own words (1 to 5,000 characters).', maxLength: 5000 })
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(CONTRIBUTION_TEXT_MAX_CHARS)
  text!: string;

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

  @ApiPropertyOptional({
    enum: ['online'],
    description: 'Only online here: advocates and workers use the staff routes.',
  })
  @IsOptional()
  @IsIn(['online'], { message: "channel must be 'online': advocates and workers submit through the staff routes" })
  channel?: 'online';

  @ApiPropertyOptional({ enum: AGE_BANDS })
  @IsOptional()
  @IsIn(AGE_BANDS, { message: `$property must be one of ${AGE_BANDS.join(', ')}` })
  ageBand?: AgeBand;

  @ApiPropertyOptional({ enum: CARE_STATUSES })
  @IsOptional()
  @IsIn(CARE_STATUSES, { message: `$property must be one of ${CARE_STATUSES.join(', ')}` })
  careStatus?: CareStatus;

  @ApiPropertyOptional({ enum: SHARING_CHOICES, description: "Defaults to 'summary-only', the most private." })
  @IsOptional()
  @IsIn(SHARING_CHOICES, { message: `$property must be one of ${SHARING_CHOICES.join(', ')}` })
  sharing?: Sharing;

  @ApiPropertyOptional({
    description:
      'The invite code from the participation team, when this board asks for one (403 without a valid one). ' +
      'Not stored with the view.',
    example: 'XK4M-9TQ2-H7RW',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  inviteCode?: string;
}

export class GiveViewResponse {
  @ApiProperty({
    description: 'Shown once: write it down. It is the only way back to your view.',
    example: '7KQ2-M9XD-4RTW-8HJN-5',
  })
  receiptCode!: string;

  @ApiProperty({ description: 'What happens next, in plain words.' })
  whatHappensNext!: string;
}
