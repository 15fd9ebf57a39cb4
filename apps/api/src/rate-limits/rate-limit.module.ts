import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { rateLimitsFrom, type AppConfig } from '#platform';
import { RateLimitGuard, RATE_LIMITS } from './rate-limit.guard.js';

/** Every route is rate-limited per client address and route: see RateLimitGuard and ADR 0009. */
@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RateLimitModule,
      providers: [
        { provide: RATE_LIMITS, useValue: rateLimitsFrom(config) },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}
