import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import {
  CONTRIBUTION_TEXT_MAX_CHARS,
  SHARING_CHOICES,
  SUMMARY_MESSAGE_MAX_CHARS,
  SUMMARY_RESPONSES,
  type Sharing,
  type SummaryResponse,
} from '../../domain/index.js';
// Every request carries the receipt code as checking a view does.
import { CheckViewRequest } from '../../read-models/my-view/my-view.dto.js';

export class AnswerQuestionRequest extends CheckViewRequest {
  @ApiProperty({ description: 'Your answer to the question (1 to 5,000 characters).', maxLength: 5000 })
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(CONTRIBUTION_TEXT_MAX_CHARS)
  text!: string;
}

export class ChangeSharingRequest extends CheckViewRequest {
  @ApiProperty({ enum: SHARING_CHOICES })
  @IsIn(SHARING_CHOICES, { message: `$property must be one of ${SHARING_CHOICES.join(', ')}` })
  sharing!: Sharing;
}

export class WithdrawViewRequest extends CheckViewRequest {
  @ApiPropertyOptional({ description: 'Why, if you want to say (kept private).' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class SummaryResponseRequest extends CheckViewRequest {
  @ApiProperty({
    enum: SUMMARY_RESPONSES,
    description: '"agree": the summary says what you meant; "change": please write it again.',
  })
  @IsIn(SUMMARY_RESPONSES, { message: `$property must be one of ${SUMMARY_RESPONSES.join(', ')}` })
  response!: SummaryResponse;

  @ApiPropertyOptional({ description: 'Anything you want to say about it, like what to change.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'message must not be empty' })
  @MaxLength(SUMMARY_MESSAGE_MAX_CHARS)
  message?: string;

  @ApiPropertyOptional({
    description: 'The version of the summary you read (from check). Refused if it has been rewritten since.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
