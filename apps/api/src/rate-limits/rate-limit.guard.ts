import { createHash } from 'node:crypto';
import {
  HttpException,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  INVITE_CODE_SESSIONS,
  problem,
  RATE_LIMITED_MESSAGE,
  rateLimitKindOf,
  type InviteCodeSessions,
  type RateLimitKind,
  type RateLimits,
} from '#platform';

export const RATE_LIMITS = Symbol('RATE_LIMITS');

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;
type Kind = RateLimitKind | 'default' | 'invite-code';

// Keys held at once per kind of limit (least recently used dropped first): a flood of made-up
// addresses can push a drained key out early, but memory stays bounded.
const KEYS_PER_KIND = 20_000;

/**
 * Counts requests per client address and route (docs/adr/0009-rate-limits.md) with @fastify/rate-limit's
 * store; routes name their limit with the decorators in #platform (rate-limits.ts), the rest get the
 * generous default. The address is Fastify's `req.ip`: the connection's own, or, from a proxy named in
 * TRUST_PROXY, the nearest X-Forwarded-For address that is not such a proxy. Only a SHA-256 of route and
 * address is held, in memory, and it is never logged or written. A view given with one of the board's
 * valid invite codes (a Children in Care Council session: a room of young people behind one address)
 * counts against that code's own, generous limit instead of the address's.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnModuleInit {
  private readonly limiters = new Map<Kind, Limiter>();
  // The invite-code session a request counts against, for the invite-code limiter's key.
  private readonly sessions = new WeakMap<FastifyRequest, string>();
  private inviteCodes: InviteCodeSessions | null | undefined;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(RATE_LIMITS) private readonly limits: RateLimits,
    private readonly modules: ModuleRef,
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
      const { windowMs: timeWindow } = this.limits;
      for (const [name, max] of Object.entries(this.limits.perWindow) as Array<[Kind, number]>) {
        const options = { max, timeWindow, keyGenerator: keyOf, cache: KEYS_PER_KIND };
        this.limiters.set(name, this.fastify().createRateLimit(options));
      }
      const bySession = (request: FastifyRequest) => sessionKeyOf(request, this.sessions.get(request) ?? '');
      const options = { max: this.limits.perInviteCode, timeWindow, keyGenerator: bySession, cache: KEYS_PER_KIND };
      this.limiters.set('invite-code', this.fastify().createRateLimit(options));
    }
    return this.limiters.get(kind)!;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    let kind: Kind = rateLimitKindOf(context) ?? 'default';
    if (kind === 'submission') {
      const session = await this.inviteCodeSession(request);
      if (session !== undefined) {
        this.sessions.set(request, session);
        kind = 'invite-code';
      }
    }
    const result = await this.limiterFor(kind)(request);
    if (result.isAllowed) return true;
    const reply = http.getResponse<FastifyReply>();
    void reply.header('x-ratelimit-limit', result.max).header('x-ratelimit-remaining', result.remaining);
    if (!result.isExceeded) return true;
    void reply.header('retry-after', Math.max(1, result.ttlInSeconds));
    throw new HttpException(problem(429, 'rate-limited', RATE_LIMITED_MESSAGE), 429);
  }

  /** The session of a valid invite code in the body of a view given, if the voice context knows one. */
  private async inviteCodeSession(request: FastifyRequest): Promise<string | undefined> {
    const body = request.body as { inviteCode?: unknown } | null | undefined;
    const board = (request.params as { board?: unknown } | undefined)?.board;
    if (typeof body !== 'object' || body === null || body.inviteCode === undefined) return undefined;
    if (typeof board !== 'string') return undefined;
    if (this.inviteCodes === undefined) {
      try {
        this.inviteCodes = this.modules.get<InviteCodeSessions>(INVITE_CODE_SESSIONS, { strict: false });
      } catch {
        // An app without the voice context: every view counts per address.
        this.inviteCodes = null;
      }
    }
    // Unanswerable now (the database away): the address's limit applies, and the route answers for itself.
    return this.inviteCodes?.sessionOf(board, body.inviteCode).catch(() => undefined);
  }
}

// An invite code's session (board and code id) and the route, hashed like an address.
function sessionKeyOf(request: FastifyRequest, session: string): string {
  const route = `${request.method} ${request.routeOptions.url ?? ''}`;
  return createHash('sha256').update(`${route}\ninvite-code\n${session}`).digest('hex');
}

// Route and address, hashed: the store never holds an address in the clear.
function keyOf(request: FastifyRequest): string {
  const route = `${request.method} ${request.routeOptions.url ?? ''}`;
  return createHash('sha256')
    .update(`${route}\n${normalizeIP(request.ip)}`)
    .digest('hex');
}
