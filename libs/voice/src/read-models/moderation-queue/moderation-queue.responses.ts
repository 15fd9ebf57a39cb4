import { ApiProperty } from '@nestjs/swagger';
import { ViewModerationResponse } from '../moderation-deadlines/moderation-deadlines.responses.js';
import { ViewFactsResponse } from '../view-facts.response.js';

export class RemovedPartResponse {
  @ApiProperty({ enum: ['name', 'place', 'address', 'school', 'date', 'handle', 'contact'] }) kind!: string;
  @ApiProperty({ description: 'The words taken out (access-logged with the view).' }) text!: string;
}

export class AnonymisedPreviewResponse {
  @ApiProperty({
    description: 'The words as they will be shown anonymised: each part taken out replaced by "[name]", "[place]"...',
  })
  text!: string;
  @ApiProperty({ type: [RemovedPartResponse], description: 'What was taken out, in order.' })
  removed!: RemovedPartResponse[];
}

export class QueuedViewResponse extends ViewFactsResponse {
  @ApiProperty({ enum: ['submitted', 'answered'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, description: "The young person's words (access-logged)." })
  text!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The author's answer to a moderator's question." })
  answer!: string | null;
  @ApiProperty({
    nullable: true,
    type: AnonymisedPreviewResponse,
    description:
      'For a view shared "anonymised": what everyone else will see, and what was taken out, before the ' +
      'moderator accepts it (accepted with redactions, the edited words are anonymised the same way). Null otherwise.',
  })
  anonymisedPreview!: AnonymisedPreviewResponse | null;
  @ApiProperty({
    nullable: true,
    type: ViewModerationResponse,
    description:
      'Its moderation deadline: due by (the board’s window of working days), overdue, how long it has waited and ' +
      'whether the moderation lead was told. Overdue views come first. Null for a moment after it arrives.',
  })
  moderation!: ViewModerationResponse | null;
}
