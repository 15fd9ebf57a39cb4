import { ValidateBy, type ValidationArguments } from 'class-validator';
import { isCalendarDate, isInstant } from '../domain/calendar.js';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => isCalendarDate(value),
      defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'value'} must be a date as YYYY-MM-DD`,
    },
  });
}

/** A date range's end: not before the start named by `startProperty`, when both are given. */
export function NotBefore(startProperty: string): PropertyDecorator {
  return ValidateBy({
    name: 'notBefore',
    constraints: [startProperty],
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const start = (args?.object as Record<string, unknown> | undefined)?.[startProperty];
        return typeof value !== 'string' || typeof start !== 'string' || start <= value;
      },
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property ?? 'value'} must not be before ${startProperty}`,
    },
  });
}

/**
 * The one id pattern, for ids in bodies, URLs and filters alike: opaque tokens (UUIDs or slugs) of
 * letters, digits and dashes, so no name, e-mail address or other personal data can hide in one.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;
export const ID_MESSAGE = '$property must be an id (letters, digits and dashes)';

/** Theme and principle codes as boards list them. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const CODE_MESSAGE = '$property must be a code of lower-case letters, digits and dashes';

/** A moment written as an ISO 8601 instant with its offset (2026-04-14T18:10:00Z). */
export function IsInstant(): PropertyDecorator {
  return ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) => isInstant(value),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property ?? 'value'} must be a moment as an ISO 8601 date and time with offset, e.g. 2026-04-14T18:10:00Z`,
    },
  });
}
