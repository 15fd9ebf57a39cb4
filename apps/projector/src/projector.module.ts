import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '#platform';
import { PROJECTIONS } from '../../api/src/app.module.js';
import { InfrastructureModule } from '../../api/src/infrastructure/infrastructure.module.js';
import { MetricsModule } from '../../api/src/metrics/metrics.module.js';
import { ProjectionsModule } from '../../api/src/projections/projections.module.js';

/** The api's projections, alone: no HTTP. Leases keep one active runner per projection across processes. */
@Module({})
export class ProjectorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        InfrastructureModule.forRoot(config),
        ProjectionsModule.forRoot(config, PROJECTIONS),
        // Projection lag and parked events; the safeguarding count is the api's.
        MetricsModule.forRoot({ safeguarding: false }),
      ],
    };
  }
}
