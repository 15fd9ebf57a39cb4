import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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
