import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '../config/app-config.js';

// The named rate limits, in one place. A route says which kind of limit it has; the figures come
// from the validated configuration, so tests and deployments change them without touching routes.
// The app's global guard (apps/api/src/rate-limits, on @fastify/rate-limit's store) counts requests per client address and
// route; see docs/adr/0009-rate-limits.md.

export type RateLimitKind = 'submission' | 'receipt-code' | 'public-read' | 'sign-in';

export const RATE_LIMIT_KIND = 'cpb:rate-limit-kind';

/** What a young person reads when limited: plain words, no blame. */
export const RATE_LIMITED_MESSAGE = 'Lots of people are using this right now. Please try again in a minute.';

/** Giving a view without an account: 30 a minute per address by default. */
export const AnonymousSubmissionLimit = () => SetMetadata(RATE_LIMIT_KIND, 'submission' satisfies RateLimitKind);

/** Routes that take a receipt code: 120 a minute per address by default, a brute-force guard on codes. */
export const ReceiptCodeLimit = () => SetMetadata(RATE_LIMIT_KIND, 'receipt-code' satisfies RateLimitKind);

/** Pages anyone may read: generous, 600 a minute per address by default. */
export const PublicReadLimit = () => SetMetadata(RATE_LIMIT_KIND, 'public-read' satisfies RateLimitKind);

/** Staff sign-in: 10 a minute per address by default, against password guessing. */
export const SignInLimit = () => SetMetadata(RATE_LIMIT_KIND, 'sign-in' satisfies RateLimitKind);

export interface RateLimits {
  /** The window each count covers, in milliseconds (a minute unless a test shortens it). */
  readonly windowMs: number;
  /** Requests allowed per window for each kind, and for every other route. */
  readonly perWindow: Readonly<Record<RateLimitKind | 'default', number>>;
  /** Views given per window with one valid invite code, counted per code instead of per address. */
  readonly perInviteCode: number;
}

export function rateLimitsFrom(config: AppConfig): RateLimits {
  return {
    windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
    perWindow: {
      submission: config.RATE_LIMIT_SUBMISSIONS_PER_MINUTE,
      'receipt-code': config.RATE_LIMIT_RECEIPT_CODES_PER_MINUTE,
      'public-read': config.RATE_LIMIT_PUBLIC_READS_PER_MINUTE,
      'sign-in': config.RATE_LIMIT_SIGN_INS_PER_MINUTE,
      // Signed-in routes and anything unnamed: generous, only a guard against a runaway client.
      default: config.RATE_LIMIT_DEFAULT_PER_MINUTE,
    },
    perInviteCode: config.RATE_LIMIT_INVITE_CODE_SUBMISSIONS_PER_MINUTE,
  };
}

/**
 * Answers the rate limit for views given with an invite code: a key for the code's session when the
 * code is one of the board's and usable now, else nothing (the per-address limit applies). Provided by
 * the voice context, which keeps the codes; the key names the code, never a young person.
 */
export interface InviteCodeSessions {
  sessionOf(board: string, inviteCode: unknown): Promise<string | undefined>;
}

export const INVITE_CODE_SESSIONS = 'cpb:InviteCodeSessions';

const reflector = new Reflector();

/** The kind of limit the route being handled declared (method first, then its controller), if any. */
export function rateLimitKindOf(context: ExecutionContext): RateLimitKind | undefined {
  return reflector.getAllAndOverride<RateLimitKind | undefined>(RATE_LIMIT_KIND, [
    context.getHandler(),
    context.getClass(),
  ]);
}

/** Requests allowed per window on the route being handled. */
export function rateLimitFor(context: ExecutionContext, limits: RateLimits): number {
  return limits.perWindow[rateLimitKindOf(context) ?? 'default'];
}
