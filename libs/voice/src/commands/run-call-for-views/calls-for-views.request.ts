import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '#platform';
import { QUESTION_MAX_CHARS } from '../../domain/index.js';

export class OpenCallRequest {
  @ApiPropertyOptional({ description: 'Optional client-chosen id (for idempotent creation); generated if absent.' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  callId?: string;

  @ApiProperty({ description: 'The question, in plain words for young people.', maxLength: QUESTION_MAX_CHARS })
  @IsString()
  @IsNotEmpty({ message: 'question must not be empty' })
  @MaxLength(QUESTION_MAX_CHARS)
  question!: string;

  @ApiProperty({
    description: 'The last London day on which a view is on time (YYYY-MM-DD); later views are marked late.',
    example: '2026-03-31',
  })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'closesOn must be a date, YYYY-MM-DD' })
  closesOn!: string;

  @ApiPropertyOptional({ description: 'The meeting the answers feed (in this board).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  meetingId?: string;

  @ApiPropertyOptional({ description: 'An agenda item of that meeting (needs meetingId).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  itemId?: string;

  @ApiPropertyOptional({ type: [String], description: "Theme codes, e.g. 'placement-stability'." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  themes?: string[];
}

export class CloseCallRequest {
  @ApiPropertyOptional({ description: 'Why it closes early (no personal data).', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;
}

export class CallWriteResponse {
  @ApiProperty({ description: 'The call for views written.' }) id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Its stream revision after the write.' })
  revision!: string | null;
  @ApiProperty({ description: 'True when this was a retry of a command already written.' }) duplicate!: boolean;
  @ApiProperty({ type: [String], description: 'The events recorded.' }) events!: string[];
}
