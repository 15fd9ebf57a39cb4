import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';

// Shapes the edge checks before a command is built; the deciders check the values again.

/** Ids travel in URLs: letters, digits and dashes only, so no name or other personal data can hide in one. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;
export const ID_MESSAGE = '$property must be an id (letters, digits and dashes)';
export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const CODE_MESSAGE = '$property must be a code of lower-case letters, digits and dashes';
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
