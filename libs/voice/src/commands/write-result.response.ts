import { ApiProperty } from '@nestjs/swagger';

// OpenAPI shapes of what the staff write routes answer (the handlers return plain objects of these shapes).

export class ContributionWriteResponse {
  @ApiProperty({ description: 'The view (or case) written.' })
  id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Its stream revision after the write.' })
  revision!: string | null;
  @ApiProperty({ description: 'True when this was a retry of a command already written.' })
  duplicate!: boolean;
  @ApiProperty({ type: [String], description: 'The events recorded.' })
  events!: string[];
}

export class GroupWriteResponse {
  @ApiProperty({ type: [ContributionWriteResponse] })
  views!: ContributionWriteResponse[];
}

export class FeedbackWriteResponse extends GroupWriteResponse {
  @ApiProperty({ description: 'The one response recorded on every view of the group.' })
  feedbackId!: string;
}
