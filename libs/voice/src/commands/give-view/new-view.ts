import { createHmac, randomBytes } from 'node:crypto';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import type { CommandContext } from '#event-store';
import { CODE_MESSAGE, CODE_PATTERN } from '#platform';
import {
  AGE_BANDS,
  CARE_STATUSES,
  CONTRIBUTION_TEXT_MAX_CHARS,
  generateReceiptCode,
  SHARING_CHOICES,
  type AgeBand,
  type CareStatus,
  type ContributionTarget,
  type ReceiptCode,
  type Sharing,
} from '../../domain/index.js';

// What every route that records a new view shares: the young person's own fields (whoever typed them
// in), the target as the domain knows it, and how the receipt code is made.

/** The fields of a new view: a young person's words and choices. */
export class NewViewFields {
  @ApiProperty({ description: 'The view, in the young person’s own words (1 to 5,000 characters).', maxLength: 5000 })
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(CONTRIBUTION_TEXT_MAX_CHARS)
  text!: string;

  // Codes only: themes are never moderated (a redaction changes the words, not the themes) and are shown
  // to the board, to auditors and on the public "You said, we did" page, so free text here (a name, an
  // email address, a sentence) would reach them all unread.
  @ApiPropertyOptional({ type: [String], description: "Topics, as codes (e.g. 'housing')." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(CODE_PATTERN, {
    each: true,
    message: `each of ${CODE_MESSAGE}`,
  })
  themes?: string[];

  @ApiPropertyOptional({
    description:
      "What the view is about: {kind:'call', callId}, {kind:'meeting', meetingId} or {kind:'agenda-item', meetingId, itemId}.",
  })
  @IsOptional()
  @IsObject()
  target?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: AGE_BANDS })
  @IsOptional()
  @IsIn(AGE_BANDS, { message: `$property must be one of ${AGE_BANDS.join(', ')}` })
  ageBand?: AgeBand;

  @ApiPropertyOptional({ enum: CARE_STATUSES })
  @IsOptional()
  @IsIn(CARE_STATUSES, { message: `$property must be one of ${CARE_STATUSES.join(', ')}` })
  careStatus?: CareStatus;

  @ApiPropertyOptional({ enum: SHARING_CHOICES, description: "Defaults to 'summary-only', the most private." })
  @IsOptional()
  @IsIn(SHARING_CHOICES, { message: `$property must be one of ${SHARING_CHOICES.join(', ')}` })
  sharing?: Sharing;
}

/**
 * Only the fields each kind of target has: anything else is dropped; an unknown kind is the decider's 400.
 * No target, or null (which the DTO's @IsOptional lets through as absent), is none.
 */
export function toTarget(raw: Record<string, unknown> | null | undefined): ContributionTarget {
  if (raw === undefined || raw === null) return { kind: 'none' };
  const { kind, callId, meetingId, itemId } = raw as Record<string, string>;
  switch (kind) {
    case 'none':
      return { kind };
    case 'call':
      return { kind, callId };
    case 'meeting':
      return { kind, meetingId };
    case 'agenda-item':
      return { kind, meetingId, itemId };
    default:
      return raw as unknown as ContributionTarget;
  }
}

/**
 * A new view's receipt code. Random, unless the client sent an Idempotency-Key: then it is derived from
 * the context's retry seed (which only the key reproduces, and which nothing stores), so a retry after a
 * lost answer reaches the same view (its ids come from the command id) and gets back the same code.
 * Nothing kept in the log, an export or the audit trail leads to it.
 */
export function receiptCodeFor(pepper: string, context: CommandContext): { code: ReceiptCode; display: string } {
  if (context.retrySeed === undefined) return generateReceiptCode(randomBytes);
  const bytes = createHmac('sha256', pepper)
    .update(`new-view\u0000${context.tenantId}\u0000${context.retrySeed}\u0000receipt-code`)
    .digest();
  return generateReceiptCode((size) => bytes.subarray(0, size));
}
