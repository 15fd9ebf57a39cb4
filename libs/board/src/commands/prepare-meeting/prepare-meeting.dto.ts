import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { CODE_MESSAGE, CODE_PATTERN, ID_MESSAGE, ID_PATTERN } from '#platform';
import { AGENDA_ITEM_PURPOSES, type AgendaItemPurpose } from '../../domain/index.js';
import { INSTANT_MESSAGE, INSTANT_PATTERN } from '../governance.dto.js';

const HTTPS_LINK = /^https:\/\/\S+$/;
const HTTP_LINK = /^https?:\/\/\S+$/;

export class ScheduleMeetingRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'For idempotent creation; generated when left out.' })
  @IsOptional()
  @IsUUID()
  meetingId?: string;

  @ApiProperty({ example: 'Corporate Parenting Board, March' })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ example: '2026-03-16T18:00:00Z' })
  @IsString()
  @Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  startsAt!: string;

  @ApiPropertyOptional({ example: '2026-03-16T20:00:00Z' })
  @IsOptional()
  @IsString()
  @Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  endsAt?: string;

  @ApiPropertyOptional({ example: 'Committee Room 1, County Hall', description: 'A place or an online link.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  place?: string;

  @ApiPropertyOptional({ example: 'https://meet.example/cpb-march' })
  @IsOptional()
  @IsString()
  @Matches(HTTPS_LINK, { message: '$property must be an https link' })
  onlineLink?: string;

  @ApiPropertyOptional({ default: true, description: 'Offer the standing items on the new agenda.' })
  @IsOptional()
  @IsBoolean()
  standingItems?: boolean;
}

export class RescheduleMeetingRequest {
  @ApiProperty({ example: '2026-03-23T18:00:00Z' })
  @IsString()
  @Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  startsAt!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  endsAt?: string;

  @ApiPropertyOptional({ description: 'Leave out both place and onlineLink to keep the venue.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  place?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(HTTPS_LINK, { message: '$property must be an https link' })
  onlineLink?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;

  @ApiPropertyOptional({
    description: "The chair's reason for urgency, needed if the move cuts a published agenda's notice (chair only).",
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  urgencyReason?: string;
}

export class CancelMeetingRequest {
  @ApiProperty({ example: 'Not enough members available' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class PaperDto {
  @ApiProperty({ example: 'Placement sufficiency report' })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiPropertyOptional({ example: 'https://northshire.example/papers/sufficiency.pdf', description: 'A link, or…' })
  @IsOptional()
  @IsString()
  @Matches(HTTP_LINK, { message: '$property must be an http(s) link' })
  link?: string;

  @ApiPropertyOptional({ description: '…an uploaded file reference (not both).' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  fileRef?: string;
}

export class AddAgendaItemRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'For idempotent creation; generated when left out.' })
  @IsOptional()
  @IsUUID()
  itemId?: string;

  @ApiProperty({ example: 'Placement sufficiency' })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ enum: AGENDA_ITEM_PURPOSES })
  @IsIn(AGENDA_ITEM_PURPOSES, { message: `$property must be one of ${AGENDA_ITEM_PURPOSES.join(', ')}` })
  purpose!: AgendaItemPurpose;

  @ApiProperty({ example: 'Director of Children’s Services' })
  @IsString()
  @Length(1, 200)
  lead!: string;

  @ApiPropertyOptional({ type: [String], description: "Codes from the board's theme list.", default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CODE_PATTERN, { each: true, message: CODE_MESSAGE })
  themes?: string[];

  @ApiPropertyOptional({ type: [String], description: "Codes from the board's principles.", default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CODE_PATTERN, { each: true, message: CODE_MESSAGE })
  principles?: string[];

  @ApiPropertyOptional({ type: [PaperDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PaperDto)
  papers?: PaperDto[];

  @ApiPropertyOptional({ default: false, description: 'Exempt information: taken in private, papers unpublished.' })
  @IsOptional()
  @IsBoolean()
  restricted?: boolean;

  @ApiPropertyOptional({ description: "Needed once the agenda is published: the chair's reason (chair only)." })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  urgencyReason?: string;
}

export class WithdrawAgendaItemRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ReorderAgendaRequest {
  @ApiProperty({ type: [String], description: 'Every item still on the agenda, exactly once, in the new order.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Matches(ID_PATTERN, { each: true, message: ID_MESSAGE })
  itemIds!: string[];
}

export class PublishAgendaRequest {
  @ApiPropertyOptional({ description: "The chair's reason for urgency, needed when the notice period has passed." })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  urgencyReason?: string;
}
