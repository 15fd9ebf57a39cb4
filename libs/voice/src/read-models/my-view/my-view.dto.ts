import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DECLINE_REASONS, SHARING_CHOICES, type Sharing } from '../../domain/index.js';
import { MeetingPlaceDto, MyViewLoopDto } from './my-view-loop.dto.js';

const CODE_HELP = 'Your receipt code (or send it in the X-Receipt-Code header). Never put it in a URL.';

export class CheckViewRequest {
  @ApiPropertyOptional({ description: CODE_HELP, example: '7KQ2-M9XD-4RTW-8HJN-5' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  receiptCode?: string;
}

export class SummaryForAuthorDto {
  @ApiProperty({ description: 'Which version: a rewrite is a new version.' })
  version!: number;

  @ApiProperty({ description: 'The summary a worker wrote of your view.' })
  text!: string;

  @ApiProperty()
  writtenAt!: string;

  @ApiProperty({ enum: ['none', 'agreed', 'change-requested'], description: 'What you said about this version.' })
  yourAnswer!: string;

  @ApiProperty({ description: 'True while you share a summary only: the board reads this, not your words.' })
  boardReadsIt!: boolean;
}

export class DeclinedDto {
  @ApiProperty({ enum: DECLINE_REASONS })
  reason!: string;

  @ApiProperty({ description: 'The reason, in plain words.' })
  reasonWords!: string;

  @ApiProperty({ description: 'What the worker who read it wants you to know.' })
  note!: string;
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
      'decided',
      'feedback',
      'closed',
      'withdrawn',
      'declined',
    ],
  })
  step!: string;

  @ApiProperty({ description: 'When (ISO instant).' })
  at!: string;

  @ApiProperty({ description: 'What it means, in plain words.' })
  words!: string;

  @ApiPropertyOptional({
    type: MeetingPlaceDto,
    description: 'tabled, considered, decided: the meeting (and item) where it happened.',
  })
  meeting?: MeetingPlaceDto;

  @ApiPropertyOptional({ description: 'decided: the decision that cited your view (see decisions).' })
  decisionId?: string;
}

// The loop's fields (what you said, what the board reads, decisions, actions, answers, help) are declared
// in my-view-loop.dto.ts.
export class MyViewResponse extends MyViewLoopDto {
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

  @ApiPropertyOptional({
    type: SummaryForAuthorDto,
    description: 'The summary a worker wrote of your view, once written: agree with it or ask for a change.',
  })
  summary?: SummaryForAuthorDto;

  @ApiPropertyOptional({ type: DeclinedDto, description: 'If your view was not taken to the board: why.' })
  declined?: DeclinedDto;
}
