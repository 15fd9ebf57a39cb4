import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ProjectionRunner } from '#event-store';
import { ConfigError, createLogger, loadConfig, PinoNestLogger } from '#platform';
import { ProjectorModule } from './projector.module.js';

// Runs the read models' projections as their own process (deployments that scale them out run the
// api with PROJECTIONS=off and one or more of these).
async function main(): Promise<void> {
  let config;
  try {
    config = { ...loadConfig(), PROJECTIONS: 'in-process' as const };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
  });
  app.enableShutdownHooks();
  await app.init();
  const runner = app.get(ProjectionRunner);
  const report = async (): Promise<void> => {
    const statuses = await runner.status();
    logger.info(
      { projections: statuses.map((s) => ({ name: s.name, active: s.active, lag: s.lag, parked: s.parked })) },
      'projector status',
    );
  };
  await report();
  setInterval(() => void report(), 60_000).unref();
}

void main();
