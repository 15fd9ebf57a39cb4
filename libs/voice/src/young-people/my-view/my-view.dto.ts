import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CONTRIBUTION_TEXT_MAX_CHARS, SHARING_CHOICES, type Sharing } from '../../domain/index.js';

const CODE_HELP = 'Your receipt code (or send it in the X-Receipt-Code header). Never put it in a URL.';

export class CheckViewRequest {
  @ApiPropertyOptional({ description: CODE_HELP, example: '7KQ2-M9XD-4RTW-8HJN-5' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  receiptCode?: string;
}

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

export class JourneyStepDto {
  @ApiProperty({
    enum: [
      'submitted',
      'accepted',
      'under-review',
      'question-asked',
      'answered',
      'tabled',
      'considered',
      'feedback',
      'closed',
      'withdrawn',
    ],
  })
  step!: string;

  @ApiProperty({ description: 'When (ISO instant).' })
  at!: string;

  @ApiProperty({ description: 'What it means, in plain words.' })
  words!: string;
}

export class MyViewResponse {
  @ApiProperty({ description: 'The latest step.' })
  status!: string;

  @ApiProperty({ type: [JourneyStepDto] })
  journey!: JourneyStepDto[];

  @ApiProperty({ enum: SHARING_CHOICES })
  sharing!: Sharing;

  @ApiPropertyOptional({ description: 'A question for you, if someone asked one and you have not answered yet.' })
  question?: string;

  @ApiPropertyOptional({ description: "The board's answer to your view." })
  feedback?: string;

  @ApiProperty({ description: 'What happens next, in plain words.' })
  whatHappensNext!: string;
}
