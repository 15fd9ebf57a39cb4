import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { CODE_MESSAGE, CODE_PATTERN } from '#platform';

// Shapes the edge checks before a command is built; the deciders check the values again.

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_MESSAGE = '$property must be a date as YYYY-MM-DD';
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const INSTANT_MESSAGE = '$property must be an ISO 8601 date-time with a time zone (e.g. 2026-03-16T18:00:00Z)';

/** A theme or principle: a stable code to tag with, a label to show. */
export class TagDto {
  @ApiProperty({ example: 'placement-stability' })
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Stability of placements' })
  @IsString()
  @Length(1, 300)
  label!: string;
}
