import { HttpException, Injectable } from '@nestjs/common';
import { Clock, problem } from '#platform';

// A tiny in-memory token bucket for the anonymous routes, keyed by route and board, never by IP
// address: no IP is kept anywhere. It is per process; a well-kept library (@fastify/rate-limit with a
// shared store) should replace it when one may be added.

export interface RateLimit {
  /** Requests allowed in a burst, refilled evenly over a minute. */
  readonly perMinute: number;
}

export const SUBMISSIONS: RateLimit = { perMinute: 30 };
export const RECEIPT_ROUTES: RateLimit = { perMinute: 120 };

// Keys include a board slug from the URL, which anyone can make up: the map is bounded, dropping the
// longest-untouched bucket (a full bucket forgotten is no loss; a drained one restarts full, acceptable).
const MAX_BUCKETS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

@Injectable()
export class AnonymousRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: Clock) {}

  /** How many buckets are held (bounded by MAX_BUCKETS). */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token for this key, or throws a 429 problem. */
  take(key: string, limit: RateLimit): void {
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(key) ?? { tokens: limit.perMinute, at: now };
    // Re-inserted on every use, so the Map's first key is always the longest untouched.
    this.buckets.delete(key);
    if (this.buckets.size >= MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value as string);
    const refill = (Math.max(0, now - bucket.at) / 60_000) * limit.perMinute;
    bucket.tokens = Math.min(limit.perMinute, bucket.tokens + refill);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      throw new HttpException(
        problem(429, 'rate-limited', 'Lots of people are using this right now. Please try again in a minute.'),
        429,
      );
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
  }
}
