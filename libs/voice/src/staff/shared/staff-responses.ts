import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// OpenAPI shapes of what the staff routes answer (the handlers return plain objects of these shapes).

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
}

export class ViewReadyToTableResponse extends ViewFactsResponse {
  @ApiProperty({
    required: false,
    description:
      'The words as the board may read them (redacted if the moderator redacted); absent for summary only. Access-logged.',
  })
  words?: string;
}

export class SafeguardingCaseResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty() namedLead!: string;
  @ApiProperty() deputy!: string;
  @ApiProperty() dueBy!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) acknowledgedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) escalatedToDeputyAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
}

export class WithheldViewResponse {
  @ApiProperty() contributionId!: string;
  @ApiProperty({ description: 'escalated, or withdrawn / erased after escalation' }) status!: string;
  @ApiProperty({ nullable: true, enum: ['screen', 'moderator'] }) raisedBy!: string | null;
  @ApiProperty({ type: [String] }) categories!: string[];
  @ApiProperty({ nullable: true, type: String }) escalatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The words (access-logged); null once erased.' })
  text!: string | null;
  @ApiProperty({ nullable: true, type: String }) answer!: string | null;
  @ApiPropertyOptional({ type: SafeguardingCaseResponse, nullable: true, description: 'Null until opened.' })
  case!: SafeguardingCaseResponse | null;
}

export class WithheldCountResponse {
  @ApiProperty({ description: 'How many views were withheld for safeguarding.' })
  withheld!: number;
}
