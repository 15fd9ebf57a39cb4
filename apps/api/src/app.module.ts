import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { IdentityModule } from '#identity';
import type { AppConfig } from '#platform';
import { HealthController } from './health/health.controller.js';
import { InfrastructureModule, type InfrastructureOverrides } from './infrastructure/infrastructure.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: InfrastructureOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config, overrides),
        CqrsModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
        IdentityModule,
      ],
      controllers: [HealthController],
    };
  }
}
