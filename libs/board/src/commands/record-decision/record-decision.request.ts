import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { DecisionContentRequest } from '../decision-content.request.js';
import { NotWith } from '../exactly-one-of.validator.js';
import { IsId, IsText } from '../request-rules.js';

export class AmendsRequest {
  @ApiProperty({ description: 'The earlier decision (of an earlier meeting) this one amends.' })
  @IsId()
  decisionId!: string;

  @ApiProperty({ description: 'Why it is amended.', maxLength: 2000 })
  @IsText(2000)
  reason!: string;

  @ApiProperty({ description: 'What changes.', maxLength: 5000 })
  @IsText(5000)
  changes!: string;
}

export class SupersedesRequest {
  @ApiProperty({ description: 'The earlier decision (of an earlier meeting) this one replaces.' })
  @IsId()
  decisionId!: string;

  @ApiProperty({ description: 'Why it is replaced.', maxLength: 2000 })
  @IsText(2000)
  reason!: string;
}

export class RecordDecisionRequest extends DecisionContentRequest {
  @ApiPropertyOptional({ type: AmendsRequest, description: 'This decision amends an earlier one.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AmendsRequest)
  amends?: AmendsRequest;

  @ApiPropertyOptional({ type: SupersedesRequest, description: 'This decision replaces an earlier one.' })
  @IsOptional()
  @NotWith('amends', { message: 'a decision amends or supersedes another, not both' })
  @ValidateNested()
  @Type(() => SupersedesRequest)
  supersedes?: SupersedesRequest;
}
