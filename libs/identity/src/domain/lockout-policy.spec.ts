import { lockSeconds } from './lockout-policy.js';

describe('lockSeconds', () => {
  const policy = { after: 5, seconds: 30, maxSeconds: 3600 };

  it('locks after the fifth failure in a row, then doubles each time, up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => lockSeconds(n, policy))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 12].map((n) => lockSeconds(n, policy))).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600,
    ]);
    expect(lockSeconds(1_000_000, policy)).toBe(3600);
  });
});
