import { createHash } from 'node:crypto';
import {
  HttpException,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem, RATE_LIMITED_MESSAGE, rateLimitKindOf, type RateLimitKind, type RateLimits } from '#platform';

export const RATE_LIMITS = Symbol('RATE_LIMITS');

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;
type Kind = RateLimitKind | 'default';

// Keys held at once per kind of limit (least recently used dropped first): a flood of made-up
// addresses can push a drained key out early, but memory stays bounded.
const KEYS_PER_KIND = 20_000;

/**
 * Counts requests per client address and route (docs/adr/0009-rate-limits.md) with @fastify/rate-limit's
 * store; routes name their limit with the decorators in #platform (rate-limits.ts), the rest get the
 * generous default. The address is Fastify's `req.ip`: the connection's own, or, from a proxy named in
 * TRUST_PROXY, the nearest X-Forwarded-For address that is not such a proxy. Only a SHA-256 of route and
 * address is held, in memory, and it is never logged or written.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnModuleInit {
  private readonly limiters = new Map<Kind, Limiter>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(RATE_LIMITS) private readonly limits: RateLimits,
  ) {}

  onModuleInit(): void {
    // Queued, not awaited: awaiting would build Nest's routes before Nest sets its error handler.
    // global: false adds no hooks of its own; this guard asks the limiters instead.
    void this.fastify().register(fastifyRateLimit, { global: false });
  }

  private fastify(): FastifyInstance {
    return this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
  }

  // Made at the first request: the plugin's createRateLimit exists once the server is ready.
  private limiterFor(kind: Kind): Limiter {
    if (this.limiters.size === 0) {
      for (const [name, max] of Object.entries(this.limits.perWindow) as Array<[Kind, number]>) {
        const options = { max, timeWindow: this.limits.windowMs, keyGenerator: keyOf, cache: KEYS_PER_KIND };
        this.limiters.set(name, this.fastify().createRateLimit(options));
      }
    }
    return this.limiters.get(kind)!;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const result = await this.limiterFor(rateLimitKindOf(context) ?? 'default')(request);
    if (result.isAllowed) return true;
    const reply = http.getResponse<FastifyReply>();
    void reply.header('x-ratelimit-limit', result.max).header('x-ratelimit-remaining', result.remaining);
    if (!result.isExceeded) return true;
    void reply.header('retry-after', Math.max(1, result.ttlInSeconds));
    throw new HttpException(problem(429, 'rate-limited', RATE_LIMITED_MESSAGE), 429);
  }
}

// Route and address, hashed: the store never holds an address in the clear.
function keyOf(request: FastifyRequest): string {
  const route = `${request.method} ${request.routeOptions.url ?? ''}`;
  return createHash('sha256')
    .update(`${route}\n${normalizeIP(request.ip)}`)
    .digest('hex');
}
