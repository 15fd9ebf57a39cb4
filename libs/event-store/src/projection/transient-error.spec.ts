import { isStorageFull, isTransientDbError } from './transient-error.js';

// What the HTTP layer answers 503 (and the projection runner retries) rather than 500 (or parks).
describe('isTransientDbError', () => {
  it.each([
    ['SQLite busy', { code: 'SQLITE_BUSY' }],
    ['a refused connection', { code: 'ECONNREFUSED' }],
    [
      'PostgreSQL shutting down (57P01)',
      { code: '57P01', message: 'terminating connection due to administrator command' },
    ],
    ['PostgreSQL starting up (57P03)', { code: '57P03' }],
    ['a serialization failure (40001)', { code: '40001' }],
    ['a lost connection', { message: 'Connection terminated unexpectedly' }],
    ['a client whose connection failed', { message: 'Client has encountered a connection error and is not queryable' }],
    ['a closed client', { message: 'Client was closed and is not queryable' }],
    ['a pool that cannot connect in time', { message: 'timeout exceeded when trying to connect' }],
  ])('counts %s as transient', (_, error) => {
    expect(isTransientDbError(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', { code: '23505', message: 'duplicate key value violates unique constraint' }],
    ['a syntax error (42601)', { code: '42601' }],
    ['a constraint failure', { code: 'SQLITE_CONSTRAINT' }],
    ['an error of ours', new Error('the decision cites a view that is not citable')],
    ['nothing', undefined],
  ])('does not count %s as transient', (_, error) => {
    expect(isTransientDbError(error)).toBe(false);
  });

  it('finds a full disk in the cause of the error a store reports', () => {
    expect(isStorageFull({ message: 'unavailable', cause: { code: 'SQLITE_FULL' } })).toBe(true);
    expect(isStorageFull({ code: '53100' })).toBe(true);
    expect(isStorageFull({ code: '57P01' })).toBe(false);
  });
});
