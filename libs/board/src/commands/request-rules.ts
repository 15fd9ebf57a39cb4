import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '#platform';

// Shapes the edge checks before a command is built; the deciders check the values again.

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_MESSAGE = '$property must be a date as YYYY-MM-DD';

/** Plain words: a string with something other than spaces in it, up to `max` characters. */
export function IsText(max: number): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Matches(/\S/, { message: '$property is required' }),
    MaxLength(max),
  ) as PropertyDecorator;
}

/** An id, as clients may send for a thing they create (for idempotent creation). */
export function IsId(): PropertyDecorator {
  return applyDecorators(IsString(), Matches(ID_PATTERN, { message: ID_MESSAGE })) as PropertyDecorator;
}
