import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { JURISDICTIONS, MEMBER_ROLES, type Jurisdiction, type MemberRole } from '../../domain/index.js';
import { DATE_MESSAGE, DATE_PATTERN, TagDto } from '../governance.dto.js';

export class ConfigureBoardRequest {
  @ApiProperty({ example: 'Northshire Corporate Parenting Board' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'Northshire County Council' })
  @IsString()
  @Length(1, 200)
  council!: string;

  @ApiProperty({ enum: JURISDICTIONS, description: 'Sets the agenda notice period and the bank holidays.' })
  @IsIn(JURISDICTIONS, { message: `$property must be one of ${JURISDICTIONS.join(', ')}` })
  jurisdiction!: Jurisdiction;

  @ApiProperty({ minimum: 2, example: 3, description: 'Members (or substitutes) present needed to decide.' })
  @IsInt()
  @Min(2)
  @Max(100)
  quorum!: number;

  @ApiProperty({ description: 'The terms of reference, as text.' })
  @IsString()
  @Length(1, 50_000)
  termsOfReference!: string;

  @ApiPropertyOptional({ type: [TagDto], description: 'Defaults to the standard theme list.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TagDto)
  themes?: TagDto[];

  @ApiPropertyOptional({ type: [TagDto], description: 'Defaults to the seven corporate parenting principles.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TagDto)
  principles?: TagDto[];
}

export class AppointMemberRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Send to re-appoint a former member (a new term), or for idempotent creation.',
  })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiProperty({ example: 'Cllr Priya Shah', description: "The member's name (personal data, stored encrypted)." })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: MEMBER_ROLES })
  @IsIn(MEMBER_ROLES, { message: `$property must be one of ${MEMBER_ROLES.join(', ')}` })
  role!: MemberRole;

  @ApiProperty({ example: '2026-03-01', description: 'The first day of the term (a date).' })
  @IsString()
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  appointedOn!: string;
}

export class StandDownMemberRequest {
  @ApiProperty({ example: '2026-05-01', description: 'The first day the member no longer serves.' })
  @IsString()
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  on!: string;

  @ApiProperty({ example: 'End of term' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
