import { ApiProperty } from '@nestjs/swagger';

// OpenAPI shapes of what the voice settings' reads answer.

export class LocalRuleResponse {
  @ApiProperty() category!: string;
  @ApiProperty({ type: [String] }) phrases!: string[];
  @ApiProperty({ type: [String] }) patterns!: string[];
}

export class ScreeningResponse {
  @ApiProperty({ type: [String], description: 'Categories of the default rules: always applied.' })
  defaultCategories!: string[];
  @ApiProperty({ type: [LocalRuleResponse], description: "The board's own additions." })
  localRules!: LocalRuleResponse[];
}

export class SafeguardingOwnersResponse {
  @ApiProperty() namedLead!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Null while the board has a single safeguarding lead: appoint a second one as deputy.',
  })
  deputy!: string | null;
  @ApiProperty() acknowledgeWithinMinutes!: number;
  @ApiProperty({ enum: ['configured', 'default'] }) source!: 'configured' | 'default';
}

export class WindowBoundsResponse {
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
}

export class InviteCodesSummaryResponse {
  @ApiProperty() required!: boolean;
  @ApiProperty({ description: 'Codes neither revoked nor expired.' }) usable!: number;
}

export class AnswerSettingsResponse {
  @ApiProperty({ description: 'Above this reading age an answer needs its sender’s reason.' }) readingAge!: number;
  @ApiProperty() defaultReadingAge!: number;
  @ApiProperty({ type: WindowBoundsResponse }) bounds!: WindowBoundsResponse;
}

export class ModerationLeadResponse {
  @ApiProperty() staffId!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({
    enum: ['configured', 'default'],
    description: 'configured: named by the board; default: its oldest active moderator.',
  })
  source!: 'configured' | 'default';
}

export class ModerationSettingsResponse {
  @ApiProperty() moderationWindowWorkingDays!: number;
  @ApiProperty() defaultWindowWorkingDays!: number;
  @ApiProperty({ type: WindowBoundsResponse }) bounds!: WindowBoundsResponse;
  @ApiProperty({
    type: ModerationLeadResponse,
    nullable: true,
    description: 'Null while the board has no active moderator: overdue views then escalate to no one named.',
  })
  moderationLead!: ModerationLeadResponse | null;
}

export class VoiceSettingsResponse {
  @ApiProperty({ type: ScreeningResponse }) screening!: ScreeningResponse;
  @ApiProperty({
    type: SafeguardingOwnersResponse,
    nullable: true,
    description:
      'Who gets new cases: null while the board has no safeguarding lead; with a single lead, that lead and no deputy.',
  })
  safeguardingOwners!: SafeguardingOwnersResponse | null;
  @ApiProperty({ type: WindowBoundsResponse }) acknowledgeWithinBounds!: WindowBoundsResponse;
  @ApiProperty({ type: InviteCodesSummaryResponse }) inviteCodes!: InviteCodesSummaryResponse;
  @ApiProperty({ type: AnswerSettingsResponse }) answers!: AnswerSettingsResponse;
  @ApiProperty({ nullable: true, type: String, description: "The council's number for young people, if given." })
  councilPhone!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The council's colour (#rrggbb) for its pages' header, if given; null: govuk-frontend's own.",
  })
  councilColour!: string | null;
  @ApiProperty({ type: ModerationSettingsResponse }) moderation!: ModerationSettingsResponse;
}

export class InviteCodeResponse {
  @ApiProperty() codeId!: string;
  @ApiProperty({ nullable: true, type: String }) label!: string | null;
  @ApiProperty({ nullable: true, type: String }) expiresOn!: string | null;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ enum: ['usable', 'expired', 'revoked'] }) status!: 'usable' | 'expired' | 'revoked';
}
