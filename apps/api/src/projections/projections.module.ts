import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, ProjectionRunner, type EventStore, type Projection, type ProjectionLogger } from '#event-store';
import type { AppConfig } from '#platform';
import { openReadDatabase, readDatabaseOptions } from '../infrastructure/read-database.js';
import { APP_CONFIG } from '../infrastructure/infrastructure.module.js';

class RunnerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject('cpb:ProjectionDataSource') private readonly dataSource: DataSource,
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    // Off: a projector process runs them; the tables are still made, so health can report their lag.
    if (this.config.PROJECTIONS === 'in-process') await this.runner.start();
    else await this.runner.prepare();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The read models' runner as configured (the api, the projector and `cpb projections` all build it here). */
export function createProjectionRunner(
  config: AppConfig,
  store: EventStore,
  dataSource: DataSource,
  projections: readonly Projection[],
  logger: ProjectionLogger,
): ProjectionRunner {
  return new ProjectionRunner({
    store,
    dataSource,
    projections,
    leaseTtlMs: config.PROJECTION_LEASE_SECONDS * 1000,
    logger,
  });
}

/**
 * Runs the read models' projections in this process (the default), fed from the event store's
 * subscription. The runner has its own connection to the read database: on SQLite a connection
 * is one transaction at a time, and queries must not land inside a projection's batch.
 */
@Global()
@Module({})
export class ProjectionsModule {
  static forRoot(config: AppConfig, projections: readonly Projection[]): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        {
          provide: 'cpb:ProjectionDataSource',
          useFactory: () => openReadDatabase(readDatabaseOptions(config, [])),
        },
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, 'cpb:ProjectionDataSource'],
          useFactory: (store: EventStore, dataSource: DataSource) => {
            const logger = new Logger('projections');
            return createProjectionRunner(config, store, dataSource, projections, {
              warn: (message, context) => logger.warn(`${message} ${JSON.stringify(context ?? {})}`),
            });
          },
        },
        RunnerLifecycle,
      ],
      exports: [ProjectionRunner],
    };
  }
}
