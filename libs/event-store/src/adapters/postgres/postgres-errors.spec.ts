import { EventStoreUnavailable, WrongExpectedVersion } from '../../port/errors.js';
import { translatePgError } from './postgres-errors.js';

const pgError = (code: string, message = 'server said no'): Error => Object.assign(new Error(message), { code });

describe('translatePgError', () => {
  it.each([
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'],
    ['57P01', 'terminating connection due to administrator command'],
    ['53100', 'could not extend file: No space left on device'],
    ['53300', 'sorry, too many clients already'],
    ['08006', 'connection failure'],
  ])('maps %s to EventStoreUnavailable', (code, message) => {
    const translated = translatePgError(pgError(code, message));
    expect(translated).toBeInstanceOf(EventStoreUnavailable);
    expect((translated as Error).message).toContain(code);
  });

  it('maps a dropped connection and a pool time-out, which carry no code', () => {
    expect(translatePgError(new Error('Connection terminated unexpectedly'))).toBeInstanceOf(EventStoreUnavailable);
    expect(translatePgError(new Error('timeout exceeded when trying to connect'))).toBeInstanceOf(
      EventStoreUnavailable,
    );
  });

  it('maps a refusal on every address of a host', () => {
    const error = new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')], '');
    expect(translatePgError(error)).toBeInstanceOf(EventStoreUnavailable);
  });

  it('passes other errors through unchanged', () => {
    const unique = pgError('23505', 'duplicate key value violates unique constraint');
    expect(translatePgError(unique)).toBe(unique);
    const conflict = new WrongExpectedVersion('s', 0n, 1n);
    expect(translatePgError(conflict)).toBe(conflict);
  });
});
