import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FeedbackWriteResponse } from '../write-result.response.js';

export class ReadingAgeRequest {
  @ApiProperty({ description: 'The response being written, to estimate.', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text!: string;
}

export class ReadingAgeResponse {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'UK reading age in years (Flesch-Kincaid grade + 5), 5 to 18; null when there are no words.',
  })
  readingAge!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Flesch-Kincaid (US) grade, one decimal.' })
  grade!: number | null;
  @ApiProperty() words!: number;
  @ApiProperty() sentences!: number;
  @ApiProperty({ type: [String], description: 'Words of three syllables or more, most used first (up to five).' })
  longWords!: string[];
  @ApiProperty({ description: 'Plain advice for the writer.' })
  advice!: string;
  @ApiProperty({
    description: "The board's limit for answers (default 11): above it, sending needs the sender's reason.",
  })
  limit!: number;
  @ApiProperty({ description: 'False: the answer is refused unless a readingAgeReason is given.' })
  withinLimit!: boolean;
}

export class FeedbackRecordedResponse extends FeedbackWriteResponse {
  @ApiProperty({
    type: ReadingAgeResponse,
    description: "How easy the response is to read, against the board's limit (above it, a reason was given).",
  })
  readingAge!: ReadingAgeResponse;
}
