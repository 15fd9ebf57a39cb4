import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ACKNOWLEDGE_WITHIN_MINUTES,
  ANSWER_READING_AGE,
  COUNCIL_PHONE_MAX_CHARS,
  INVITE_LABEL_MAX_CHARS,
  MAX_LOCAL_RULES,
  MIN_HEADER_CONTRAST,
  MODERATION_WINDOW_WORKING_DAYS,
} from '../../domain/index.js';

export class ScreeningRulesRequest {
  @ApiProperty({
    description:
      "The board's own rules, replacing its earlier additions: [{category, phrases: [...], patterns: [...]}]. " +
      'The default rules always apply as well and cannot be removed. Each rule is checked (category a dash-case ' +
      'code, phrases words, patterns valid regular expressions that cannot match empty text or take too long).',
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray()
  @ArrayMaxSize(MAX_LOCAL_RULES)
  rules!: unknown[];
}

export class SafeguardingOwnersRequest {
  @ApiProperty({ description: 'Staff id of the named safeguarding lead (an active safeguarding lead).' })
  @IsString()
  @IsNotEmpty()
  namedLead!: string;

  @ApiProperty({ description: 'Staff id of the deputy: another active safeguarding lead (never an admin).' })
  @IsString()
  @IsNotEmpty()
  deputy!: string;

  @ApiProperty({
    minimum: ACKNOWLEDGE_WITHIN_MINUTES.min,
    maximum: ACKNOWLEDGE_WITHIN_MINUTES.max,
    description: 'Minutes the named lead has to acknowledge a case before it goes to the deputy.',
  })
  @IsInt()
  @Min(ACKNOWLEDGE_WITHIN_MINUTES.min)
  @Max(ACKNOWLEDGE_WITHIN_MINUTES.max)
  acknowledgeWithinMinutes!: number;
}

export class InviteCodeRequirementRequest {
  @ApiProperty({ description: 'Whether anonymous views need an invite code from the participation team.' })
  @IsBoolean()
  required!: boolean;
}

export class AnswerReadingAgeRequest {
  @ApiProperty({
    minimum: ANSWER_READING_AGE.min,
    maximum: ANSWER_READING_AGE.max,
    example: ANSWER_READING_AGE.default,
    description:
      'Above this reading age an answer to young people is refused unless its sender records why ' +
      `(default ${ANSWER_READING_AGE.default}).`,
  })
  @IsInt()
  @Min(ANSWER_READING_AGE.min)
  @Max(ANSWER_READING_AGE.max)
  readingAge!: number;
}

export class CouncilPhoneRequest {
  @ApiProperty({
    nullable: true,
    type: String,
    maxLength: COUNCIL_PHONE_MAX_CHARS,
    example: '0191 433 3000',
    description:
      "The council's number young people can ring (children's services or the participation team), shown to " +
      'anonymous authors beside Childline and 999. Never a person’s own number. Null clears it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(COUNCIL_PHONE_MAX_CHARS)
  phone!: string | null;
}

export class CouncilColourRequest {
  @ApiProperty({
    nullable: true,
    type: String,
    pattern: '^#[0-9A-Fa-f]{6}$',
    example: '#8a1538',
    description:
      "The council's colour, #RRGGBB, as the header's background on the board's young people's and public pages. " +
      `The header's text is white: a colour with less than ${MIN_HEADER_CONTRAST}:1 contrast with it (WCAG AA) is ` +
      "refused (400, naming the field). Null clears it: govuk-frontend's own header colour.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(7)
  colour!: string | null;
}

export class IssueInviteCodeRequest {
  @ApiPropertyOptional({
    maxLength: INVITE_LABEL_MAX_CHARS,
    description: "What the code is for, e.g. 'March CiCC session'. Never a person's name or contact details.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(INVITE_LABEL_MAX_CHARS)
  label?: string;

  @ApiPropertyOptional({ description: 'Last day (London) the code is accepted, YYYY-MM-DD.', example: '2026-03-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/u, { message: 'expiresOn must be a date (YYYY-MM-DD)' })
  expiresOn?: string;
}

export class SettingsWriteResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) revision!: string | null;
  @ApiProperty() duplicate!: boolean;
  @ApiProperty({ type: [String] }) events!: string[];
}

export class IssuedInviteCodeResponse extends SettingsWriteResponse {
  @ApiProperty() codeId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Shown once (null on a retried request): hand it out; only its hash is kept.',
    example: 'XK4M-9TQ2-H7RW',
  })
  inviteCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) label!: string | null;
  @ApiProperty({ nullable: true, type: String }) expiresOn!: string | null;
}

export class ModerationWindowRequest {
  @ApiProperty({
    minimum: MODERATION_WINDOW_WORKING_DAYS.min,
    maximum: MODERATION_WINDOW_WORKING_DAYS.max,
    example: MODERATION_WINDOW_WORKING_DAYS.default,
    description:
      'Working days (weekends and the board’s bank holidays excluded) a person has to read each view, after ' +
      `the day it arrived, whatever the screen said (default ${MODERATION_WINDOW_WORKING_DAYS.default}). Past it, ` +
      'the view escalates to the moderation lead.',
  })
  @IsInt()
  @Min(MODERATION_WINDOW_WORKING_DAYS.min)
  @Max(MODERATION_WINDOW_WORKING_DAYS.max)
  moderationWindowWorkingDays!: number;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      'Staff id of the moderation lead: an active moderator, told of every view past the window. Null or absent: ' +
      'the oldest active moderator account.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  moderationLead?: string | null;
}
