import { ApiProperty } from '@nestjs/swagger';

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
}

export class YouSaidWeDidResponse {
  @ApiProperty({ description: 'The board (its slug).' }) board!: string;
  @ApiProperty({ type: [YouSaidWeDidEntryResponse], description: 'Newest first.' })
  entries!: YouSaidWeDidEntryResponse[];
}
