import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ERASURE_GROUNDS, type ErasureGround } from '../../domain/index.js';

export class EraseContributionRequest {
  @ApiProperty({
    enum: ERASURE_GROUNDS,
    description: 'The ground for erasure under UK GDPR Article 17(1)(a) to (f).',
  })
  @IsIn(ERASURE_GROUNDS)
  ground!: ErasureGround;

  @ApiProperty({
    description:
      'Why the request was granted (e.g. a request reference). Kept readable after erasure for audit: ' +
      "it must not contain the young person's words or anything that identifies them.",
    maxLength: 500,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
