import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEMBER_ROLES } from '../../domain/index.js';

export class TagView {
  @ApiProperty({ example: 'placement-stability' }) code!: string;
  @ApiProperty({ example: 'Stability of placements' }) label!: string;
}

export class MemberTermView {
  @ApiProperty({ enum: MEMBER_ROLES }) role!: string;
  @ApiProperty({ example: '2025-05-20' }) appointedOn!: string;
  @ApiPropertyOptional({ description: 'The first day not served', example: '2026-03-31' }) stoodDownOn?: string;
  @ApiPropertyOptional() stoodDownReason?: string;
}

export class BoardMemberView {
  @ApiProperty() memberId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null once the name has been erased' })
  name!: string | null;
  @ApiProperty({ description: 'Serves on the board today' }) serving!: boolean;
  @ApiPropertyOptional({ enum: MEMBER_ROLES, description: 'The role of the term served today' }) currentRole?: string;
  @ApiProperty({ type: [MemberTermView], description: 'Every term served, oldest first' }) terms!: MemberTermView[];
}

export class BoardOverviewView {
  @ApiProperty({ description: 'False until the clerk configures the board' }) configured!: boolean;
  @ApiPropertyOptional({ example: 'Northshire Corporate Parenting Board' }) name?: string;
  @ApiPropertyOptional({ example: 'Northshire County Council' }) council?: string;
  @ApiPropertyOptional({ enum: ['england', 'wales'] }) jurisdiction?: string;
  @ApiPropertyOptional({ description: 'Members needed present for decisions', example: 3 }) quorum?: number;
  @ApiPropertyOptional() termsOfReference?: string;
  @ApiProperty({ type: [TagView] }) themes!: TagView[];
  @ApiProperty({ type: [TagView], description: 'The corporate parenting principles' }) principles!: TagView[];
  @ApiPropertyOptional() configuredAt?: string;
  @ApiPropertyOptional() updatedAt?: string;
  @ApiProperty({ type: [BoardMemberView], description: 'Serving members first, then former members' })
  members!: BoardMemberView[];
}
