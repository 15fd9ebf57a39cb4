import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  DECISION_KINDS,
  INFLUENCES,
  type DecisionContent,
  type DecisionKind,
  type HowReached,
  type Influence,
  type VoiceEvidence,
} from '../domain/index.js';
import { CODE_MESSAGE, CODE_PATTERN, ID_MESSAGE, ID_PATTERN } from '#platform';
import { IsId, IsText } from './request-rules.js';
import { HasExactlyOneOf } from './exactly-one-of.validator.js';

export class CitationRequest {
  @ApiProperty({
    description: 'A contribution (a young person’s view) accepted by moderation, not withdrawn, tabled at this item.',
  })
  @IsId()
  contributionId!: string;

  @ApiProperty({ enum: INFLUENCES, description: 'What the view did for the decision.' })
  @IsIn(INFLUENCES)
  influence!: Influence;

  @ApiProperty({ description: 'Why, in plain words a young person can read.', maxLength: 2000 })
  @IsText(2000)
  rationale!: string;

  @ApiPropertyOptional({
    description:
      'Only for a view not tabled at this agenda item (422 view-not-tabled-at-item without it): why the board ' +
      'considered it all the same. Recorded with the citation.',
    maxLength: 2000,
  })
  @IsOptional()
  @IsText(2000)
  notTabledReason?: string;
}

export class NoneAppliedRequest {
  @ApiProperty({ description: 'Why no children’s views applied to this decision.', maxLength: 2000 })
  @IsText(2000)
  reason!: string;
}

/** Exactly one of `contributions` or `noneApplied`. */
export class VoiceEvidenceRequest {
  @ApiPropertyOptional({ type: [CitationRequest], description: 'The views cited (at least one); or give noneApplied.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CitationRequest)
  contributions?: CitationRequest[];

  @ApiPropertyOptional({ type: NoneAppliedRequest, description: 'Why no children’s views applied; or cite some.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NoneAppliedRequest)
  noneApplied?: NoneAppliedRequest;
}

export class HowReachedRequest {
  @ApiProperty({ enum: ['vote', 'consensus'] })
  @IsIn(['vote', 'consensus'])
  method!: 'vote' | 'consensus';

  @ApiPropertyOptional({ description: 'Votes for (with method vote).', minimum: 0 })
  @ValidateIf((o: HowReachedRequest) => o.method === 'vote')
  @IsInt()
  @Min(0)
  @Max(10000)
  for?: number;

  @ApiPropertyOptional({ description: 'Votes against (with method vote).', minimum: 0 })
  @ValidateIf((o: HowReachedRequest) => o.method === 'vote')
  @IsInt()
  @Min(0)
  @Max(10000)
  against?: number;

  @ApiPropertyOptional({ description: 'Abstentions (with method vote).', minimum: 0 })
  @ValidateIf((o: HowReachedRequest) => o.method === 'vote')
  @IsInt()
  @Min(0)
  @Max(10000)
  abstain?: number;
}

export class RejectedAlternativeRequest {
  @ApiProperty({ maxLength: 2000 })
  @IsText(2000)
  option!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsText(2000)
  why!: string;
}

/** What the chair records as the decision itself (the meeting and item come from the route). */
export class DecisionContentRequest {
  @ApiPropertyOptional({ description: 'Your own id for the new decision (else one is made for you).' })
  @IsOptional()
  @IsId()
  decisionId?: string;

  @ApiProperty({ maxLength: 5000 })
  @IsText(5000)
  resolution!: string;

  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS)
  kind!: DecisionKind;

  @ApiPropertyOptional({ description: 'For a recommendation: the body it goes to (Cabinet, full council...).' })
  @IsOptional()
  @IsText(300)
  recommendedTo?: string;

  @ApiProperty({ type: HowReachedRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => HowReachedRequest)
  reached!: HowReachedRequest;

  @ApiProperty({ maxLength: 5000 })
  @IsText(5000)
  reasons!: string;

  @ApiPropertyOptional({ type: [RejectedAlternativeRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RejectedAlternativeRequest)
  alternativesRejected?: RejectedAlternativeRequest[];

  @ApiPropertyOptional({ type: [String], description: 'Members who declared an interest in the item.' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(ID_PATTERN, { each: true, message: ID_MESSAGE })
  interestsDeclared?: string[];

  @ApiPropertyOptional({ type: [String], example: ['placement-stability'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(CODE_PATTERN, { each: true, message: CODE_MESSAGE })
  themes?: string[];

  @ApiPropertyOptional({ type: [String], example: ['take-views-into-account'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(CODE_PATTERN, { each: true, message: CODE_MESSAGE })
  principles?: string[];

  @ApiProperty({
    type: VoiceEvidenceRequest,
    description: 'Required: the views cited, or an explicit reason why none applied (exactly one of the two).',
  })
  @IsDefined()
  @HasExactlyOneOf(['contributions', 'noneApplied'], {
    message: 'voiceEvidence must give either the contributions that informed the decision or noneApplied with a reason',
  })
  @ValidateNested()
  @Type(() => VoiceEvidenceRequest)
  voiceEvidence!: VoiceEvidenceRequest;
}

/** A decision's own fields, as the domain takes them (amends/supersedes are added by the route). */
export type DecisionInput = Omit<DecisionContent, 'meetingId' | 'itemId'> & { readonly decisionId?: string };

// Plain objects, field by field: nothing the client sent beyond the contract reaches an event.
export function toDecisionInput(body: DecisionContentRequest): DecisionInput {
  return {
    decisionId: body.decisionId,
    resolution: body.resolution,
    kind: body.kind,
    recommendedTo: body.recommendedTo,
    reached: toHowReached(body.reached),
    reasons: body.reasons,
    alternativesRejected: (body.alternativesRejected ?? []).map(({ option, why }) => ({ option, why })),
    interestsDeclared: [...(body.interestsDeclared ?? [])],
    themes: [...(body.themes ?? [])],
    principles: [...(body.principles ?? [])],
    voiceEvidence: toVoiceEvidence(body.voiceEvidence),
  };
}

export function toHowReached(reached: HowReachedRequest): HowReached {
  if (reached.method === 'consensus') return { method: 'consensus' };
  return { method: 'vote', for: reached.for ?? 0, against: reached.against ?? 0, abstain: reached.abstain ?? 0 };
}

export function toVoiceEvidence(evidence: VoiceEvidenceRequest): VoiceEvidence {
  if (evidence.noneApplied) return { noneApplied: { reason: evidence.noneApplied.reason } };
  const contributions = (evidence.contributions ?? []).map(
    ({ contributionId, influence, rationale, notTabledReason }) => ({
      contributionId,
      influence,
      rationale,
      ...(typeof notTabledReason === 'string' ? { notTabledReason } : {}),
    }),
  );
  return { contributions };
}
