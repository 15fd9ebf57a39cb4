import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { HowReachedRequest, VoiceEvidenceRequest } from '../decision-content.request.js';
import { HasExactlyOneOf } from '../exactly-one-of.validator.js';
import { IsId, IsText } from '../request-rules.js';

export class MinutesCorrectionRequest {
  @ApiProperty({ description: 'The item of the earlier meeting whose minutes are corrected.' })
  @IsId()
  itemId!: string;

  @ApiProperty({ description: 'The corrected minutes of that item, in full.', maxLength: 20000 })
  @IsText(20000)
  text!: string;
}

/**
 * The approving decision, taken under the "minutes of the last meeting" standing item. Everything is
 * optional: by default the minutes are approved by consensus as a correct record, with any corrections.
 */
export class ApproveMinutesRequest {
  @ApiPropertyOptional({ description: 'Your own id for the approving decision (else one is made for you).' })
  @IsOptional()
  @IsId()
  decisionId?: string;

  @ApiPropertyOptional({ type: [MinutesCorrectionRequest], description: 'Corrections agreed before approval.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MinutesCorrectionRequest)
  corrections?: MinutesCorrectionRequest[];

  @ApiPropertyOptional({ description: 'The resolution; by default "...approved as a correct record".' })
  @IsOptional()
  @IsText(5000)
  resolution?: string;

  @ApiPropertyOptional({ type: HowReachedRequest, description: 'By default, consensus.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => HowReachedRequest)
  reached?: HowReachedRequest;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsText(5000)
  reasons?: string;

  @ApiPropertyOptional({
    type: VoiceEvidenceRequest,
    description: 'By default: none applied, because approving minutes confirms a record rather than deciding.',
  })
  @IsOptional()
  @HasExactlyOneOf(['contributions', 'noneApplied'], {
    message: 'voiceEvidence must give either the contributions that informed the decision or noneApplied with a reason',
  })
  @ValidateNested()
  @Type(() => VoiceEvidenceRequest)
  voiceEvidence?: VoiceEvidenceRequest;
}
