import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, registerDecorator } from 'class-validator';
import { ID_PATTERN, InvalidInput, NotFound } from '#platform';
import { normaliseInstant, POSITION_PATTERN, type Cut } from './cut.js';

function IsInstant(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be an ISO-8601 instant with a time zone, e.g. 2026-03-02T09:00:00Z`,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && normaliseInstant(value) !== undefined },
    });
}

/** As at a moment of the events' clock, or at a log position; neither means now. */
export class AsAtParams {
  @ApiPropertyOptional({
    description: 'An ISO-8601 instant: events recorded at or before it.',
    example: '2026-03-02T09:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  asAt?: string;

  @ApiPropertyOptional({ description: 'A log position (as the history lists them): events at or before it.' })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: 'position must be a log position as the history lists it' })
  position?: string;
}

export function cutOf(params: AsAtParams): Cut {
  if (params.asAt !== undefined && params.position !== undefined) {
    throw new InvalidInput('Give asAt or position, not both.', [
      { field: 'position', reason: 'give asAt or position, not both' },
    ]);
  }
  if (params.asAt !== undefined) return { kind: 'time', asAt: normaliseInstant(params.asAt)! };
  if (params.position !== undefined) return { kind: 'position', position: params.position };
  return { kind: 'now' };
}

/** An id that cannot name a stream names nothing: 404, as for any unknown id. */
export function checkedId(id: string, what: string): string {
  if (!ID_PATTERN.test(id)) throw new NotFound(`There is no such ${what} in your board.`);
  return id;
}
