import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { ProjectionRunner } from '#event-store';
import { ConfigError, createLogger, loadConfig, PinoNestLogger } from '#platform';
import { exitUnlessMasterKeyMatches } from '../../api/src/infrastructure/master-key-check.js';
import { serveMetricsIfConfigured } from '../../api/src/metrics/metrics-endpoint.js';
import { ProjectorModule } from './projector.module.js';

/**
 * PROJECTOR_HEALTH_PORT, read here rather than in the shared configuration (which ignores keys it does
 * not know): unset, no health endpoint; otherwise a TCP port. Throws ConfigError naming the variable.
 */
function healthPort(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.PROJECTOR_HEALTH_PORT?.trim();
  if (!raw) return undefined;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new ConfigError('Invalid configuration:\n  PROJECTOR_HEALTH_PORT: must be a port number from 1 to 65535');
  }
  return port;
}

const STATUS_TIMEOUT_MS = 3_000;

/**
 * `GET /health` for a container's health check (the projector has no other HTTP): 200 with each
 * projection's name, whether this process runs it, its lag, parked events and events whose personal data
 * could not be opened; 503 when the status cannot be read within 3 s (a database out of reach). Projection names and counts only: never personal data.
 */
function serveHealth(runner: ProjectionRunner): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/health' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"status":"not found"}');
      return;
    }
    const reply = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : JSON.stringify(body));
    };
    // Promptly, even when the database hangs rather than refuses: a health check must not wait.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('status timed out')), STATUS_TIMEOUT_MS);
    });
    Promise.race([runner.status(), late])
      .then(
        (statuses) =>
          reply(200, {
            status: 'ok',
            projections: statuses.map((s) => ({
              name: s.name,
              active: s.active,
              lag: s.lag,
              parked: s.parked,
              unreadable: s.unreadable,
            })),
          }),
        () => reply(503, { status: 'error' }),
      )
      .finally(() => clearTimeout(timer));
  });
}

// Runs the read models' projections as their own process (deployments that scale them out run the
// api with PROJECTIONS=off and one or more of these).
async function main(): Promise<void> {
  let config;
  let port;
  try {
    config = { ...loadConfig(), PROJECTIONS: 'in-process' as const };
    port = healthPort();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  // Before anything opens the stores: a master key that is not the key store's stops the process here.
  await exitUnlessMasterKeyMatches(config);
  const logger = createLogger(config.LOG_LEVEL);
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
  });
  // On SIGTERM or SIGINT: the shutdown hooks (leases released, databases closed), then exit 0.
  app.enableShutdownHooks([], { useProcessExit: true });
  await app.init();
  const runner = app.get(ProjectionRunner);
  // METRICS_PORT: each projection's lag and parked events, for Prometheus (no traces: the projector
  // serves and calls nothing over HTTP worth one).
  await serveMetricsIfConfigured(app, config, logger);
  if (port !== undefined) {
    const server = serveHealth(runner);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, config.HOST, resolve);
      });
    } catch (error) {
      logger.error({ port, code: (error as NodeJS.ErrnoException).code }, 'projector health endpoint could not listen');
      await app.close();
      process.exit(1);
    }
    server.on('error', (error: NodeJS.ErrnoException) =>
      logger.warn({ code: error.code }, 'projector health endpoint error'),
    );
    // Stop answering as soon as a stop is asked for; Nest's own handler then closes the application.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => server.close());
    logger.info({ port, host: config.HOST }, 'projector health endpoint listening');
  }
  const report = async (): Promise<void> => {
    const statuses = await runner.status();
    logger.info(
      {
        projections: statuses.map((s) => ({
          name: s.name,
          active: s.active,
          lag: s.lag,
          parked: s.parked,
          unreadable: s.unreadable,
        })),
      },
      'projector status',
    );
  };
  // A database out of reach for a moment, even at start, is logged (and /health answers 503), not a crash.
  const reportOrWarn = (): Promise<void> =>
    report().catch((error: NodeJS.ErrnoException) =>
      logger.warn({ err: error.name, code: error.code }, 'projector status unavailable'),
    );
  await reportOrWarn();
  setInterval(() => void reportOrWarn(), 60_000).unref();
}

void main();
