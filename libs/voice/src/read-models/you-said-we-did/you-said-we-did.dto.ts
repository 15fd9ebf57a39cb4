import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DecisionOutcomeDto } from '../board-outcomes/board-outcomes.dto.js';

export class SharedViewResponse {
  @ApiProperty({
    enum: ['verbatim', 'anonymised'],
    description:
      'verbatim: the words as the moderator accepted them; anonymised: the same, with anything that could ' +
      'identify anyone replaced by a placeholder of its kind: [name] (names and nicknames), [place], ' +
      '[address] (streets, postcodes), [school], [date] (dates of birth and other dates), [handle] (social ' +
      'media names) and [contact] (emails, web addresses, phone numbers). A redacted view only ever shows ' +
      'its redacted text, anonymised in the same way.',
  })
  sharing!: 'verbatim' | 'anonymised';
  @ApiProperty() words!: string;
}

export class YouSaidWeDidEntryResponse {
  @ApiProperty({ description: 'A stable, opaque id for this response.' }) id!: string;
  @ApiProperty({ description: 'What the board did: its response, written for a young reader.' }) text!: string;
  @ApiProperty() givenAt!: string;
  @ApiProperty({ type: [String], description: 'Decisions the response points to.' }) decisionIds!: string[];
  @ApiProperty({ type: [String], description: 'Actions the response points to.' }) actionIds!: string[];
  @ApiProperty({ type: [String], description: 'Themes of the views it answers.' }) themes!: string[];
  @ApiProperty({ description: 'How many views it answers (views taken back or erased are not counted).' })
  views!: number;
  @ApiProperty({
    type: [SharedViewResponse],
    description: 'Only the views whose authors agreed to share their words; summary-only views show none.',
  })
  shared!: SharedViewResponse[];
  @ApiProperty({
    type: () => [WeDidDecisionResponse],
    description:
      'What the board decided, for each decision the response points to (none taken in private), with how ' +
      'its actions are going: each links to the decision and its actions, by id.',
  })
  decisions!: WeDidDecisionResponse[];
}

export class YouSaidWeDidResponse {
  @ApiProperty({ description: 'The board (its slug).' }) board!: string;
  @ApiProperty({ type: [YouSaidWeDidEntryResponse], description: 'Newest first.' })
  entries!: YouSaidWeDidEntryResponse[];
}

export class ActionsProgressResponse {
  @ApiProperty({ description: 'Things the board asked to be done.' }) total!: number;
  @ApiProperty() done!: number;
  @ApiProperty({ description: 'Not done yet, still in time.' }) open!: number;
  @ApiProperty({ description: 'Not done, past the date they were due.' }) late!: number;
  @ApiProperty({ description: 'Stopped by the board.' }) stopped!: number;
  @ApiProperty({ description: 'How they are going, in plain words.' }) words!: string;
}

export class WeDidDecisionResponse {
  @ApiProperty({ description: 'Links to GET /api/public/boards/{board}/decisions/{decisionId}.' })
  decisionId!: string;
  @ApiProperty() decidedAt!: string;
  @ApiProperty({ description: 'What the board decided.' }) resolution!: string;
  @ApiProperty({ enum: ['in-force', 'amended', 'superseded'] }) status!: string;
  @ApiPropertyOptional({ description: 'If the board changed or replaced it later.' }) statusWords?: string;
  @ApiProperty({ type: ActionsProgressResponse }) actions!: ActionsProgressResponse;
}

export class PublicAnswerResponse {
  @ApiProperty({ description: 'What the board told young people.' }) text!: string;
  @ApiProperty() givenAt!: string;
}

export class PublicDecisionResponse extends DecisionOutcomeDto {
  @ApiProperty({ description: 'The board (its slug).' }) board!: string;
  @ApiProperty({ type: ActionsProgressResponse }) progress!: ActionsProgressResponse;
  @ApiProperty({ type: [PublicAnswerResponse], description: 'The answers ("we did") that point to it, newest first.' })
  answers!: PublicAnswerResponse[];
}
