import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, Matches, ValidateNested } from 'class-validator';
import { HasExactlyOneOf } from '../exactly-one-of.validator.js';
import { DATE_MESSAGE, DATE_PATTERN, IsId, IsText } from '../request-rules.js';

export class OfficerRequest {
  @ApiPropertyOptional({
    description: 'The officer’s staff user id, if they have an account: they may then update the action.',
  })
  @IsOptional()
  @IsId()
  id?: string;

  @ApiProperty({ description: 'The officer’s name (or post).', maxLength: 200 })
  @IsText(200)
  name!: string;
}

/** Exactly one of `memberId` (a board member) or `officer`. */
export class ActionOwnerRequest {
  @ApiPropertyOptional({ description: 'A board member.' })
  @IsOptional()
  @IsId()
  memberId?: string;

  @ApiPropertyOptional({ type: OfficerRequest, description: 'An officer who is not a board member.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OfficerRequest)
  officer?: OfficerRequest;
}

export class AssignActionRequest {
  @ApiPropertyOptional({ description: 'Your own id for the action (else one is made for you).' })
  @IsOptional()
  @IsId()
  actionId?: string;

  @ApiProperty({ maxLength: 2000 })
  @IsText(2000)
  description!: string;

  @ApiProperty({ type: ActionOwnerRequest })
  @IsDefined()
  @HasExactlyOneOf(['memberId', 'officer'], { message: 'owner must be a memberId or an officer, not both' })
  @ValidateNested()
  @Type(() => ActionOwnerRequest)
  owner!: ActionOwnerRequest;

  @ApiProperty({ example: '2026-06-30', description: 'The London date it is due by.' })
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  dueOn!: string;
}

export class ActionProgressRequest {
  @ApiProperty({ maxLength: 5000 })
  @IsText(5000)
  note!: string;
}

export class CompleteActionRequest {
  @ApiProperty({ description: 'What shows it is done (a report, a link, what changed).', maxLength: 5000 })
  @IsText(5000)
  evidence!: string;
}

export class CancelActionRequest {
  @ApiProperty({ maxLength: 2000 })
  @IsText(2000)
  reason!: string;
}
