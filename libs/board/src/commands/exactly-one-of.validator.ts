import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * For a union sent as an object with alternative keys (voice evidence: contributions | noneApplied; an
 * action's owner: memberId | officer): exactly one of `keys` is given. The error names the property itself.
 */
export function HasExactlyOneOf(keys: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'hasExactlyOneOf',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must give exactly one of ${keys.join(', ')}`, ...options },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const given = keys.filter((key) => (value as Record<string, unknown>)[key] != null);
          return given.length === 1;
        },
      },
    });
}

/** Refuses this property alongside `other` (a decision amends or supersedes another, not both). */
export function NotWith(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notWith',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property cannot be given with ${other}`, ...options },
      validator: {
        validate(value: unknown, args): boolean {
          return value == null || (args?.object as Record<string, unknown>)[other] == null;
        },
      },
    });
}
