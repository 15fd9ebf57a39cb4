import {
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { ProjectionRunner, type ProjectionStatus } from '#event-store';
import { Clock, Metrics } from '#platform';
import { countOverdueSafeguardingCases } from '#voice';

// A scrape must answer even when a database hangs: a figure not read in time is left out of that scrape.
const READ_TIMEOUT_MS = 3_000;

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), READ_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Each projection's lag and parked events, read from the runner's status when Prometheus scrapes. */
@Injectable()
export class ProjectionMetrics implements OnModuleInit {
  private readonly logger = new Logger(ProjectionMetrics.name);
  // One status read serves every gauge of one scrape.
  private reading: { at: number; statuses: Promise<ProjectionStatus[]> } | undefined;

  constructor(
    private readonly metrics: Metrics,
    private readonly runner: ProjectionRunner,
  ) {}

  onModuleInit(): void {
    const figure = (name: string, help: string, value: (s: ProjectionStatus) => number): void => {
      const read = (): Promise<ProjectionStatus[]> => this.statuses();
      const logger = this.logger;
      new Gauge({
        name,
        help,
        labelNames: ['projection'] as const,
        registers: [this.metrics.registry],
        async collect() {
          this.reset();
          try {
            for (const status of await read()) this.set({ projection: status.name }, value(status));
          } catch (error) {
            logger.warn(`projection status unavailable for the metrics: ${(error as Error).name}`);
          }
        },
      });
    };
    figure(
      'cpb_projection_lag_events',
      'Events each projection has still to apply (counted up to a cap: the real lag is at least this).',
      (s) => s.lag,
    );
    figure(
      'cpb_projection_parked_events',
      'Events each projection parked (could not apply) and skipped.',
      (s) => s.parked,
    );
  }

  private statuses(): Promise<ProjectionStatus[]> {
    const now = Date.now();
    if (!this.reading || now - this.reading.at > 1_000) {
      this.reading = { at: now, statuses: withinTimeout(this.runner.status()) };
    }
    return this.reading.statuses;
  }
}

/** Safeguarding cases past their response window, on every board: a count, with no label at all. */
@Injectable()
export class SafeguardingMetrics implements OnModuleInit {
  private readonly logger = new Logger(SafeguardingMetrics.name);

  constructor(
    private readonly metrics: Metrics,
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const count = (): Promise<number> => withinTimeout(countOverdueSafeguardingCases(this.db, this.clock.now()));
    const logger = this.logger;
    new Gauge({
      name: 'cpb_safeguarding_cases_overdue',
      help: 'Safeguarding cases open and not acknowledged after their response window, on every board.',
      registers: [this.metrics.registry],
      async collect() {
        try {
          this.set(await count());
        } catch (error) {
          this.reset();
          logger.warn(`safeguarding cases unavailable for the metrics: ${(error as Error).name}`);
        }
      },
    });
  }
}

/** What main.ts started beside the application (the metrics listener, tracing), stopped with it. */
@Injectable()
export class ObservabilityShutdown implements OnApplicationShutdown {
  private readonly closers: Array<() => Promise<void> | void> = [];

  add(closer: () => Promise<void> | void): void {
    this.closers.push(closer);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const close of this.closers.splice(0).reverse()) {
      await Promise.resolve()
        .then(close)
        .catch(() => undefined);
    }
  }
}

/**
 * The figures read when Prometheus scrapes. The request and append figures are recorded where they happen
 * (bootstrap.ts, the store's provider); `Metrics` itself comes from the infrastructure module.
 */
@Module({})
export class MetricsModule {
  static forRoot(options: { safeguarding: boolean }): DynamicModule {
    return {
      module: MetricsModule,
      providers: [ProjectionMetrics, ...(options.safeguarding ? [SafeguardingMetrics] : []), ObservabilityShutdown],
      exports: [ObservabilityShutdown],
    };
  }
}
