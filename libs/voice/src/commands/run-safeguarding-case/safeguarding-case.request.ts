import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SAFEGUARDING_OUTCOMES, type SafeguardingOutcome } from '../../domain/index.js';

export class OutcomeRequest {
  @ApiProperty({ enum: SAFEGUARDING_OUTCOMES })
  @IsIn(SAFEGUARDING_OUTCOMES)
  outcome!: SafeguardingOutcome;

  @ApiProperty({ description: 'Why this outcome.', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
