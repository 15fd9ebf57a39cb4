import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';
import { Metrics, serveMetrics, type AppConfig } from '#platform';
import { ObservabilityShutdown } from './metrics.module.js';

/**
 * With METRICS_PORT set: Node's own figures too, and `GET /metrics` on that port (bound to HOST), closed
 * with the application. Unset: nothing. A port that cannot be had stops the start (exit 1), as the
 * public one does.
 */
export async function serveMetricsIfConfigured(
  app: INestApplicationContext,
  config: AppConfig,
  logger: Logger,
): Promise<void> {
  const port = config.METRICS_PORT;
  if (port === undefined) return;
  const metrics = app.get(Metrics);
  metrics.collectProcessMetrics();
  try {
    const server = await serveMetrics(metrics.registry, port, config.HOST);
    server.on('error', (error: NodeJS.ErrnoException) => logger.warn({ code: error.code }, 'metrics endpoint error'));
    app
      .get(ObservabilityShutdown)
      .add(() => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()));
    logger.info({ port, host: config.HOST }, 'metrics endpoint listening');
  } catch (error) {
    logger.error({ port, code: (error as NodeJS.ErrnoException).code }, 'metrics endpoint could not listen');
    await app.close();
    process.exit(1);
  }
}
