import { ApiProperty } from '@nestjs/swagger';

/** What staff lists show of every view, besides its words. */
export class ViewFactsResponse {
  @ApiProperty() contributionId!: string;
  @ApiProperty({ type: [String] }) themes!: string[];
  @ApiProperty({ description: 'What the view is about: none, a call, a meeting or an agenda item.' })
  target!: Record<string, string>;
  @ApiProperty({ enum: ['summary-only', 'anonymised', 'verbatim'] }) sharing!: string;
  @ApiProperty() late!: boolean;
  @ApiProperty() submittedAt!: string;
}
