import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { READING_AGE_REASON_MAX_CHARS } from '../../domain/index.js';
import { ViewsRequest } from '../table-views/table-views.request.js';

export class FeedbackRequest extends ViewsRequest {
  @ApiProperty({ description: 'One response, in plain words for a young reader.', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text!: string;

  @ApiProperty({ type: [String], description: 'Decisions the response points to.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  decisionIds!: string[];

  @ApiProperty({ type: [String], description: 'Actions the response points to.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  actionIds!: string[];

  @ApiPropertyOptional({
    maxLength: READING_AGE_REASON_MAX_CHARS,
    description:
      "Why the response must be sent as it is although its reading age is above the board's limit (default 11). " +
      'Without it, such a response is refused (422 /problems/reading-age-too-high, naming the reading age found ' +
      'and the limit). Kept with the response.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(READING_AGE_REASON_MAX_CHARS)
  readingAgeReason?: string;
}
