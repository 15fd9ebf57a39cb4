import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ViewModerationResponse } from './moderation-deadline/moderation-deadline.responses.js';

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
  @ApiProperty({
    nullable: true,
    type: ViewModerationResponse,
    description:
      'Its moderation deadline: due by (the board’s window of working days), overdue, how long it has waited and ' +
      'whether the moderation lead was told. Overdue views come first. Null for a moment after it arrives.',
  })
  moderation!: ViewModerationResponse | null;
}

export class ViewReadyToTableResponse extends ViewFactsResponse {
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

export class SafeguardingCaseResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty() namedLead!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Null when the board had a single safeguarding lead: the case stays with the named lead.',
  })
  deputy!: string | null;
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
