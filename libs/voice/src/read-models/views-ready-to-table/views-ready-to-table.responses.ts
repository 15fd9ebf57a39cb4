import { ApiProperty } from '@nestjs/swagger';
import { ViewFactsResponse } from '../view-facts.response.js';

export class ViewReadyToTableResponse extends ViewFactsResponse {
  @ApiProperty({
    example: 'V-0123',
    description: 'Its short reference: its place in the order views arrived on the board',
  })
  reference!: string;
  @ApiProperty({
    required: false,
    description:
      'The words as the board may read them (redacted if the moderator redacted); absent for summary only. Access-logged.',
  })
  words?: string;
  @ApiProperty({
    required: false,
    description:
      'For a view shared "summary only": the moderator\'s summary, which the board reads instead of the words. Access-logged.',
  })
  summary?: string;
  @ApiProperty({
    description:
      'True for a view shared "summary only" without a current summary (none written, or its author asked for a change): it cannot be tabled until a moderator writes one.',
  })
  needsSummary!: boolean;
}
