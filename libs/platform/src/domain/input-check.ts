import { isCalendarDate, isInstant } from './calendar.js';
import { InvalidInput } from './domain-errors.js';

export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

// Deciders check the values they rely on even though the edge validates shapes too: a command may
// come from the CLI, a seed or a test, not only from HTTP.
export class InputCheck {
  private readonly errors: FieldError[] = [];

  that(ok: boolean, field: string, reason: string): this {
    if (!ok) this.errors.push({ field, reason });
    return this;
  }

  text(field: string, value: unknown): this {
    return this.that(isText(value), field, 'is required');
  }

  optionalText(field: string, value: unknown): this {
    return value === undefined ? this : this.text(field, value);
  }

  /** Required text of at most `max` characters once trimmed (counted as code points, so an emoji is one). */
  boundedText(field: string, value: unknown, max: number): this {
    if (!isText(value)) return this.that(false, field, 'is required');
    return this.that(charCount(value.trim()) <= max, field, `must be at most ${max} characters`);
  }

  date(field: string, value: unknown): this {
    return this.that(isCalendarDate(value), field, 'must be a date (YYYY-MM-DD)');
  }

  instant(field: string, value: unknown): this {
    return this.that(isInstant(value), field, 'must be an ISO 8601 date-time with a time zone');
  }

  oneOf(field: string, value: unknown, allowed: readonly string[]): this {
    return this.that(
      typeof value === 'string' && allowed.includes(value),
      field,
      `must be one of ${allowed.join(', ')}`,
    );
  }

  optionalOneOf(field: string, value: unknown, allowed: readonly string[]): this {
    return value === undefined ? this : this.oneOf(field, value, allowed);
  }

  /** A list of distinct non-empty codes (possibly empty). */
  codes(field: string, value: unknown): this {
    const ok = Array.isArray(value) && value.every(isText) && new Set(value).size === value.length;
    return this.that(ok, field, 'must be a list of distinct codes');
  }

  /** Throws InvalidInput (HTTP 400) listing every problem found, or returns quietly. */
  done(): void {
    if (this.errors.length > 0) {
      const fields = [...new Set(this.errors.map((error) => error.field))].join(', ');
      throw new InvalidInput(`Invalid input: ${fields}.`, this.errors);
    }
  }
}

export function checkInput(): InputCheck {
  return new InputCheck();
}

export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Characters as a reader counts them: code points, not UTF-16 units. */
export function charCount(text: string): number {
  return [...text].length;
}
