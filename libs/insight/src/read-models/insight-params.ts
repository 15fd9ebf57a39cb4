import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Position } from '#event-store';
import { ID_MESSAGE, ID_PATTERN, IsCalendarDate, IsInstant, InvalidInput, NotBefore } from '#platform';
import type { StaffRole } from '#identity/contracts';
import type { AsAt } from '#event-store';

/** Who reads insight: everyone who works with the board, and auditors. */
export const INSIGHT_READERS: StaffRole[] = ['admin', 'clerk', 'chair', 'member', 'officer', 'auditor'];

const POSITION_PATTERN = /^\d{20}(:\d{20})*$/;

export class AsAtParams {
  @ApiPropertyOptional({ description: 'Read as the board knew it at this moment (ISO 8601 with offset)' })
  @IsOptional()
  @IsInstant()
  asAt?: string;

  @ApiPropertyOptional({ description: 'Or as at this log position (as shown in audit history)' })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: 'position must be a log position as shown in audit history' })
  position?: string;
}

export class PeriodParams extends AsAtParams {
  @ApiPropertyOptional({ description: 'First London date of the period (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last London date of the period (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('from')
  to?: string;
}

export class IdParams {
  @ApiProperty()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  id!: string;
}

export class ItemParams {
  @ApiProperty()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  meetingId!: string;

  @ApiProperty()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  itemId!: string;
}

export function asAtOf(params: AsAtParams): AsAt | undefined {
  if (params.asAt && params.position) {
    throw new InvalidInput('Give asAt or position, not both.', [
      { field: 'position', reason: 'give asAt or position, not both' },
    ]);
  }
  if (params.position) return { position: params.position as Position };
  if (params.asAt) return { recordedAt: new Date(params.asAt) };
  return undefined;
}
