import { ApiProperty } from '@nestjs/swagger';

export class SummaryVersionResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: String, description: 'The summary (access-logged).' }) text!: string | null;
  @ApiProperty({ nullable: true, type: String }) writtenAt!: string | null;
  @ApiProperty({ description: 'Its author asked for it to be changed.' }) changeRequested!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'What the author said about it, in their words.' })
  message!: string | null;
}

export class SummaryToWriteResponse {
  @ApiProperty() contributionId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: [String] }) themes!: string[];
  @ApiProperty({ enum: ['summary-only'] }) sharing!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: "The young person's words (access-logged)." })
  text!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The redacted version, if the moderator redacted.' })
  redactedText!: string | null;
  @ApiProperty({
    nullable: true,
    type: SummaryVersionResponse,
    description: 'The latest summary, when its author asked for a change; null when none was written.',
  })
  summary!: SummaryVersionResponse | null;
}
