import { HttpException } from '@nestjs/common';
import { FixedClock } from '#platform';
import { AnonymousRateLimiter } from './anonymous-rate-limit.js';

describe('AnonymousRateLimiter', () => {
  const limit = { perMinute: 3 };

  function status(take: () => void): number {
    try {
      take();
      return 200;
    } catch (error) {
      return (error as HttpException).getStatus();
    }
  }

  it('allows a burst of perMinute, then answers 429 problem details', () => {
    const limiter = new AnonymousRateLimiter(new FixedClock(new Date('2026-03-02T09:00:00Z')));
    const statuses = [1, 2, 3, 4].map(() => status(() => limiter.take('give-view:north', limit)));
    expect(statuses).toEqual([200, 200, 200, 429]);
    let refused: unknown;
    try {
      limiter.take('give-view:north', limit);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(HttpException);
    expect((refused as HttpException).getResponse()).toMatchObject({ status: 429, type: '/problems/rate-limited' });
  });

  it('keeps each key apart and refills evenly over the minute', () => {
    const clock = new FixedClock(new Date('2026-03-02T09:00:00Z'));
    const limiter = new AnonymousRateLimiter(clock);
    for (let i = 0; i < 3; i++) limiter.take('a', limit);
    expect(status(() => limiter.take('a', limit))).toBe(429);
    expect(status(() => limiter.take('b', limit))).toBe(200);
    clock.advance(20_000); // a third of a minute: one token back
    expect(status(() => limiter.take('a', limit))).toBe(200);
    expect(status(() => limiter.take('a', limit))).toBe(429);
    clock.advance(10 * 60_000); // never more than the burst
    expect([1, 2, 3, 4].map(() => status(() => limiter.take('a', limit)))).toEqual([200, 200, 200, 429]);
  });

  it('holds a bounded number of buckets however many made-up board names arrive', () => {
    const limiter = new AnonymousRateLimiter(new FixedClock(new Date('2026-03-02T09:00:00Z')));
    for (let i = 0; i < 10_050; i++) limiter.take(`give-view:board-${i}`, limit);
    expect(limiter.size).toBe(10_000);
  });
});
