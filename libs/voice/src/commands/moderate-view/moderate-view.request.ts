import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { DECLINE_NOTE_MAX_CHARS, DECLINE_REASONS, SUMMARY_MAX_CHARS, type DeclineReason } from '../../domain/index.js';

const SUMMARY_HELP =
  'For a view shared "summary only": the summary the board will read instead of the words (its author ' +
  'reads it too, and may agree or ask for a change). Such a view cannot be tabled or cited without one; ' +
  'it may also be written later (POST /api/moderation/views/:id/summary).';

export class AcceptRequest {
  @ApiPropertyOptional({ description: SUMMARY_HELP, maxLength: SUMMARY_MAX_CHARS })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(SUMMARY_MAX_CHARS)
  summary?: string;
}

export class AcceptWithRedactionsRequest extends AcceptRequest {
  @ApiProperty({ description: 'The version of the view the board will see.', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  redactedText!: string;
}

export class AskQuestionRequest {
  @ApiProperty({ description: 'Shown to the author when they come back with their receipt code.', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  question!: string;
}

export class EscalateRequest {
  @ApiProperty({ description: 'Why the moderator raises a safeguarding concern.', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class SummaryRequest {
  @ApiProperty({
    description:
      'The summary the board reads of a view shared "summary only" (a new version: earlier ones are kept). Its author reads it by code.',
    maxLength: SUMMARY_MAX_CHARS,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SUMMARY_MAX_CHARS)
  text!: string;
}

export class DeclineRequest {
  @ApiProperty({ enum: DECLINE_REASONS, description: 'Why the view does not go to the board.' })
  @IsIn(DECLINE_REASONS, { message: `$property must be one of ${DECLINE_REASONS.join(', ')}` })
  reason!: DeclineReason;

  @ApiProperty({
    description: 'What the young person reads when they check their view, in plain words for a young reader.',
    maxLength: DECLINE_NOTE_MAX_CHARS,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(DECLINE_NOTE_MAX_CHARS)
  note!: string;
}
