import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { DECISION_KINDS, INFLUENCES, type Influence } from '../../domain/index.js';
import { CITED_VIEW_STATE_NAMES } from '../../contracts/contribution-citability.js';
import { CODE_MESSAGE, CODE_PATTERN, ID_MESSAGE, ID_PATTERN, IsCalendarDate, NotBefore } from '#platform';

export const VOICE_EVIDENCE_FILTERS = ['with', 'without'] as const;

export class DecisionsParams {
  @ApiPropertyOptional({ description: 'A theme code the decision is tagged with', example: 'placement-stability' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  theme?: string;

  @ApiPropertyOptional({ description: 'A corporate parenting principle code', example: 'take-views-into-account' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  principle?: string;

  @ApiPropertyOptional({ description: 'Decided on or after this London date', example: '2026-04-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Decided on or before this London date', example: '2026-06-30' })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('from')
  to?: string;

  @ApiPropertyOptional({ enum: INFLUENCES, description: 'At least one view cited with this influence' })
  @IsOptional()
  @IsIn(INFLUENCES, { message: `influence must be one of ${INFLUENCES.join(', ')}` })
  influence?: Influence;

  @ApiPropertyOptional({
    enum: VOICE_EVIDENCE_FILTERS,
    description: "with: children's views were cited; without: the board recorded why none applied",
  })
  @IsOptional()
  @IsIn(VOICE_EVIDENCE_FILTERS, { message: 'voiceEvidence must be with or without' })
  voiceEvidence?: (typeof VOICE_EVIDENCE_FILTERS)[number];
}

export class DecisionIdParams {
  @ApiProperty()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  id!: string;
}

export class InfluenceCountsView {
  @ApiProperty() shaped!: number;
  @ApiProperty() informed!: number;
  @ApiProperty({ name: 'considered-not-adopted' }) 'considered-not-adopted'!: number;
}

export class VoiceEvidenceSummaryView {
  @ApiProperty({ description: 'Views cited' }) contributions!: number;
  @ApiProperty({ type: InfluenceCountsView }) influence!: InfluenceCountsView;
  @ApiPropertyOptional({ description: "Why no children's views applied, when none were cited" })
  noneAppliedReason?: string;
}

export class HowReachedView {
  @ApiProperty({ enum: ['vote', 'consensus'] }) method!: string;
  @ApiPropertyOptional() for?: number;
  @ApiPropertyOptional() against?: number;
  @ApiPropertyOptional() abstain?: number;
}

export class DecisionRefView {
  @ApiProperty() meetingId!: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() startsAt?: string;
}

export class ItemRefView {
  @ApiProperty() itemId!: string;
  @ApiPropertyOptional() title?: string;
}

export class ChangeLinkView {
  @ApiProperty() decisionId!: string;
  @ApiPropertyOptional({ description: 'Its short reference, e.g. D-0003' }) reference?: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ description: 'What an amendment changed' }) changes?: string;
  @ApiPropertyOptional({ description: 'When the later decision changed this one' }) at?: string;
}

export class DecisionSummaryView {
  @ApiProperty() decisionId!: string;
  @ApiProperty({
    description: 'Its short reference, e.g. D-0003: its place in the order decisions were recorded on this board',
  })
  reference!: string;
  @ApiProperty() resolution!: string;
  @ApiProperty({ enum: DECISION_KINDS }) kind!: string;
  @ApiPropertyOptional({ description: 'For a recommendation: the body it goes to' }) recommendedTo?: string;
  @ApiProperty({ type: DecisionRefView }) meeting!: DecisionRefView;
  @ApiProperty({ type: ItemRefView }) item!: ItemRefView;
  @ApiProperty({ type: [String] }) themes!: string[];
  @ApiProperty({ type: [String] }) principles!: string[];
  @ApiProperty({ type: HowReachedView }) reached!: HowReachedView;
  @ApiProperty({ type: VoiceEvidenceSummaryView }) voiceEvidence!: VoiceEvidenceSummaryView;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ description: 'London date of the decision' }) decidedOn!: string;
  @ApiProperty({ description: 'A later decision amended it' }) amended!: boolean;
  @ApiProperty({ description: 'A later decision superseded it' }) superseded!: boolean;
  @ApiPropertyOptional() supersededBy?: string;
  @ApiPropertyOptional({ description: 'The short reference of the decision that superseded it' })
  supersededByReference?: string;
  @ApiPropertyOptional({ description: 'The earlier decision this one amends' }) amendsDecisionId?: string;
  @ApiPropertyOptional({ description: 'The earlier decision this one supersedes' }) supersedesDecisionId?: string;
}

export class CitationView {
  @ApiProperty() contributionId!: string;
  @ApiProperty({ enum: INFLUENCES }) influence!: string;
  @ApiProperty({ description: 'Why, in plain words a young person can read (the board’s words)' }) rationale!: string;
  @ApiPropertyOptional({
    description: 'Only for a view that was not tabled at the item: why the board considered it all the same',
  })
  notTabledReason?: string;
  @ApiProperty({
    enum: CITED_VIEW_STATE_NAMES,
    description:
      'What became of the view since: current, withdrawn by its author, erased, or withheld from the board. ' +
      'The citation stays on the record; the view’s words are never part of it.',
  })
  state!: (typeof CITED_VIEW_STATE_NAMES)[number];
  @ApiPropertyOptional({
    description: 'How to show a citation that is no longer current, e.g. "a view later withdrawn by its author"',
  })
  note?: string;
}

export class RejectedAlternativeView {
  @ApiProperty() option!: string;
  @ApiProperty() why!: string;
}

export class HistoryEntryView {
  @ApiProperty({ enum: ['recorded', 'amended', 'superseded'] }) event!: string;
  @ApiProperty() at!: string;
  @ApiPropertyOptional({
    description: 'When recorded: the earlier decision it amends or replaces; when amended or superseded: the later one',
  })
  relatedDecisionId?: string;
  @ApiPropertyOptional({ description: 'The related decision’s short reference' }) relatedReference?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional() changes?: string;
}

export class DecisionDetailView extends DecisionSummaryView {
  @ApiProperty() reasons!: string;
  @ApiProperty({ type: [RejectedAlternativeView] }) alternativesRejected!: RejectedAlternativeView[];
  @ApiProperty({ type: [String], description: 'Members who declared an interest in the item' })
  interestsDeclared!: string[];
  @ApiProperty({ type: [CitationView], description: 'The views cited, with their influence and why' })
  citations!: CitationView[];
  @ApiPropertyOptional({ type: ChangeLinkView }) amends?: ChangeLinkView;
  @ApiPropertyOptional({ type: ChangeLinkView }) supersedes?: ChangeLinkView;
  @ApiProperty({ type: [ChangeLinkView], description: 'Later decisions that amended this one' })
  amendedBy!: ChangeLinkView[];
  @ApiPropertyOptional({ type: ChangeLinkView }) supersededByDecision?: ChangeLinkView;
  @ApiProperty({ type: [HistoryEntryView], description: 'Oldest first' }) history!: HistoryEntryView[];
}
