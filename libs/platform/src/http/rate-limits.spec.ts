import type { ExecutionContext } from '@nestjs/common';
import { ConfigError, loadConfig } from '../config/app-config.js';
import {
  AnonymousSubmissionLimit,
  PublicReadLimit,
  rateLimitFor,
  rateLimitsFrom,
  ReceiptCodeLimit,
  SignInLimit,
} from './rate-limits.js';

@ReceiptCodeLimit()
class CodeRoutes {
  check(): void {}
  @PublicReadLimit()
  list(): void {}
}

class OtherRoutes {
  @AnonymousSubmissionLimit()
  give(): void {}
  @SignInLimit()
  signIn(): void {}
  me(): void {}
}

function routeOf(controller: { prototype: object }, method: string): ExecutionContext {
  const handler = (controller.prototype as Record<string, () => void>)[method]!;
  return { getHandler: () => handler, getClass: () => controller } as unknown as ExecutionContext;
}

describe('named rate limits', () => {
  it('default to a minute: 30 views (300 per invite code), 120 receipt-code calls, 600 public reads, 10 sign-ins, 1,200 otherwise', () => {
    expect(rateLimitsFrom(loadConfig({}))).toEqual({
      windowMs: 60_000,
      perWindow: { submission: 30, 'receipt-code': 120, 'public-read': 600, 'sign-in': 10, default: 1200 },
      perInviteCode: 300,
    });
  });

  it('are set from the environment, and a bad value stops start-up naming the variable', () => {
    const limits = rateLimitsFrom(
      loadConfig({
        RATE_LIMIT_WINDOW_SECONDS: '5',
        RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '3',
        RATE_LIMIT_SIGN_INS_PER_MINUTE: '50',
        RATE_LIMIT_INVITE_CODE_SUBMISSIONS_PER_MINUTE: '40',
      }),
    );
    expect(limits.windowMs).toBe(5000);
    expect(limits.perInviteCode).toBe(40);
    expect(limits.perWindow.submission).toBe(3);
    expect(limits.perWindow['sign-in']).toBe(50);
    expect(() => loadConfig({ RATE_LIMIT_RECEIPT_CODES_PER_MINUTE: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_DEFAULT_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_DEFAULT_PER_MINUTE:/);
    expect(() => loadConfig({ RATE_LIMIT_WINDOW_SECONDS: '0' })).toThrow(/RATE_LIMIT_WINDOW_SECONDS:/);
  });

  it("give each route its decorator's limit (a method's own over its controller's), else the default", () => {
    const limits = rateLimitsFrom(
      loadConfig({
        RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '1',
        RATE_LIMIT_RECEIPT_CODES_PER_MINUTE: '2',
        RATE_LIMIT_PUBLIC_READS_PER_MINUTE: '3',
        RATE_LIMIT_SIGN_INS_PER_MINUTE: '4',
        RATE_LIMIT_DEFAULT_PER_MINUTE: '5',
      }),
    );
    expect(rateLimitFor(routeOf(CodeRoutes, 'check'), limits)).toBe(2);
    expect(rateLimitFor(routeOf(CodeRoutes, 'list'), limits)).toBe(3);
    expect(rateLimitFor(routeOf(OtherRoutes, 'give'), limits)).toBe(1);
    expect(rateLimitFor(routeOf(OtherRoutes, 'signIn'), limits)).toBe(4);
    expect(rateLimitFor(routeOf(OtherRoutes, 'me'), limits)).toBe(5);
  });
});
