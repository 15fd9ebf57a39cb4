import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SHARING_CHOICES, type Sharing } from '../../domain/index.js';
import { DecisionOutcomeDto } from '../board-outcomes/board-outcomes.dto.js';

export { MeetingPlaceDto } from '../board-outcomes/board-outcomes.dto.js';

// The child's side of the loop, as "Check my view" answers it: what they said, what the board reads,
// what their view changed, what was done, and every answer (issue 18).

export class YourReplyDto {
  @ApiProperty({ description: 'What you wrote back when someone asked you a question.' }) text!: string;
  @ApiProperty({ description: 'When (ISO instant).' }) at!: string;
}

export const BOARD_SEES_KINDS = [
  'not-yet',
  'as-written',
  'with-changes',
  'anonymised',
  'summary',
  'summary-to-come',
  'nothing',
] as const;
export type BoardSeesKind = (typeof BOARD_SEES_KINDS)[number];

export class BoardSeesDto {
  @ApiProperty({
    enum: BOARD_SEES_KINDS,
    description:
      'not-yet: not read by the board yet; as-written: your words; with-changes: your words with details a ' +
      'worker took out; anonymised: your words with anything that could show who anyone is taken out; ' +
      'summary: the summary a worker wrote (you chose summary only); summary-to-come: a worker has not ' +
      'written it yet; nothing: the board will not read this view.',
  })
  kind!: BoardSeesKind;
  @ApiProperty({ enum: SHARING_CHOICES }) sharing!: Sharing;
  @ApiPropertyOptional({ description: 'The words the board reads, when it reads any.' }) words?: string;
  @ApiProperty({ description: 'What the board reads, in plain words.' }) explanation!: string;
}

export class ViewDecisionDto extends DecisionOutcomeDto {
  @ApiProperty({ description: 'The decision cited your view (else an answer to you points to it).' })
  citedYourView!: boolean;
  @ApiPropertyOptional({ enum: ['shaped', 'informed', 'considered-not-adopted'] }) influence?: string;
  @ApiPropertyOptional({ description: 'How much your view weighed, in plain words.' }) influenceWords?: string;
  @ApiPropertyOptional({ description: "The chair's reason, as they wrote it for you." }) why?: string;
}

export class BoardAnswerDto {
  @ApiProperty({ description: "The board's answer, in its words." }) text!: string;
  @ApiProperty({ description: 'When it was sent (ISO instant).' }) at!: string;
  @ApiProperty({ description: 'The newest answer: earlier ones are kept, never replaced.' }) latest!: boolean;
  @ApiProperty({ type: [String], description: 'Decisions it points to (see decisions).' })
  decisionIds!: readonly string[];
  @ApiProperty({ type: [String], description: 'Actions it points to.' }) actionIds!: readonly string[];
}

export class HelpNowDto {
  @ApiProperty({ example: '0800 1111' }) childline!: string;
  @ApiProperty({ example: '999' }) emergency!: string;
  @ApiPropertyOptional({ description: "The council's number, if the board gave one." }) councilPhone?: string;
  @ApiProperty({ description: 'Who to ask for help now, in plain words.' }) words!: string;
}

/** What "Check my view" adds to the steps: the loop from the young person's words to what was done. */
export class MyViewLoopDto {
  @ApiProperty({ description: 'When you gave your view (ISO instant).' })
  givenAt!: string;

  @ApiPropertyOptional({ description: 'What you said, as you wrote it.' })
  yourWords?: string;

  @ApiProperty({ type: [YourReplyDto], description: 'Your answers to questions about your view, oldest first.' })
  yourReplies!: YourReplyDto[];

  @ApiProperty({ type: BoardSeesDto, description: 'What the board reads of your view.' })
  boardSees!: BoardSeesDto;

  @ApiProperty({
    type: [ViewDecisionDto],
    description: 'What your view changed: each decision citing it (and any an answer points to), with its actions.',
  })
  decisions!: ViewDecisionDto[];

  @ApiProperty({
    type: [BoardAnswerDto],
    description: "Every answer from the board, newest first ('feedback' is the newest's words).",
  })
  answers!: BoardAnswerDto[];

  @ApiProperty({ type: HelpNowDto, description: 'Who to ask for help now.' })
  help!: HelpNowDto;
}
