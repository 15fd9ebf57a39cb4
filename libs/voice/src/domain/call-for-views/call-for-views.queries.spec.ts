import { isLate } from './call-for-views.queries.js';

describe('call for views: lateness', () => {
  const call = { closesOn: '2026-03-31' };

  it('is on time through the whole closing day, London time', () => {
    expect(isLate(call, '2026-03-31T00:00:00+01:00')).toBe(false);
    // 22:59 UTC on 31 March is 23:59 BST: still the closing day.
    expect(isLate(call, '2026-03-31T22:59:59Z')).toBe(false);
  });

  it('is late from the first moment of the next London day', () => {
    expect(isLate(call, '2026-03-31T23:00:00Z')).toBe(true);
    expect(isLate(call, '2026-04-15T10:00:00Z')).toBe(true);
  });

  it('is late from the moment the board closed the call early', () => {
    const early = { ...call, closedAt: '2026-03-20T12:00:00Z' };
    expect(isLate(early, '2026-03-20T11:59:59Z')).toBe(false);
    expect(isLate(early, '2026-03-20T13:00:00+01:00')).toBe(true);
  });
});
