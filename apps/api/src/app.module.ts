import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { AUDIT_PROJECTIONS, AuditModule } from '#audit';
import { BOARD_PROJECTIONS, BoardModule } from '#board';
import { INSIGHT_PROJECTIONS, InsightModule } from '#insight';
import { VOICE_PROJECTIONS, VoiceModule } from '#voice';
import { IdentityModule } from '#identity';
import type { AppConfig } from '#platform';
import { YoungPeoplePagesModule } from '../../web/src/pages/young-people-pages.module.js';
import { StaffPagesModule } from '../../web/src/staff-pages/staff-pages.module.js';
import { HealthController } from './health/health.controller.js';
import { InfrastructureModule, type InfrastructureOverrides } from './infrastructure/infrastructure.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { ProjectionsModule } from './projections/projections.module.js';
import { RateLimitModule } from './rate-limits/rate-limit.module.js';
import { ReadYourWritesInterceptor } from './read-your-writes/read-your-writes.interceptor.js';

/** Every read model's projection, from every context. */
export const PROJECTIONS = [...AUDIT_PROJECTIONS, ...BOARD_PROJECTIONS, ...VOICE_PROJECTIONS, ...INSIGHT_PROJECTIONS];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: InfrastructureOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config, overrides),
        RateLimitModule.forRoot(config),
        CqrsModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
        ProjectionsModule.forRoot(config, PROJECTIONS),
        MetricsModule.forRoot({ safeguarding: true }),
        IdentityModule,
        AuditModule,
        BoardModule,
        VoiceModule,
        InsightModule.forRoot({ concurrency: config.PDF_PRINT_CONCURRENCY, queue: config.PDF_PRINT_QUEUE }),
        YoungPeoplePagesModule,
        StaffPagesModule,
      ],
      controllers: [HealthController],
      // Writes answer X-Log-Position; reads may wait for one with X-Read-After (docs/adr/0021-read-your-writes.md).
      providers: [{ provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor }],
    };
  }
}
