import { startTracing } from './metrics/tracing.js';

async function main(): Promise<void> {
  // Traces first, when configured: the HTTP instrumentation must be in place before Fastify loads node:http,
  // so the rest of the application is imported after it.
  const tracing = await startTracing('cpb-api');
  const { ConfigError, loadConfig } = await import('#platform');
  const { createApp } = await import('./bootstrap.js');
  const { exitUnlessMasterKeyMatches } = await import('./infrastructure/master-key-check.js');
  const { ObservabilityShutdown } = await import('./metrics/metrics.module.js');
  const { serveMetricsIfConfigured } = await import('./metrics/metrics-endpoint.js');
  const demo = process.argv.includes('--demo');
  let config;
  try {
    // --demo is DEMO_SEED=true, so the configuration refuses it in production as it refuses the variable.
    // The demo's accounts sign in with a password alone unless SECOND_FACTOR is set: it is for looking around.
    const env = demo ? { ...process.env, DEMO_SEED: 'true' } : process.env;
    const production = env.NODE_ENV === 'production';
    config = loadConfig(demo && !env.SECOND_FACTOR && !production ? { ...env, SECOND_FACTOR: 'off' } : env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      await tracing?.shutdown();
      process.exit(2);
    }
    throw error;
  }
  const seedDemoBoard = config.DEMO_SEED !== 'false';
  const seedDemoHistory = config.DEMO_SEED === 'true';
  // Before anything opens the stores: a master key that is not the key store's stops the process here.
  await exitUnlessMasterKeyMatches(config);
  const { app, logger } = await createApp(config);
  // Spans still buffered are sent when the application closes (SIGTERM, SIGINT).
  if (tracing) app.get(ObservabilityShutdown).add(() => tracing.shutdown());
  if (seedDemoBoard) {
    const { seedDemo } = await import('./demo/seed-demo.js');
    // Initialised first: the projection runner starts with the app, and the demo year waits for it.
    await app.init();
    // Served from here, so the figures show the demo's year being written.
    await serveMetricsIfConfigured(app, config, logger);
    const seeded = await seedDemo(app);
    const { seedDemoYear } = await import('./demo/seed-demo-year.js');
    const year = seedDemoHistory
      ? await seedDemoYear(app, seeded.tenantId, { waitForProjections: config.PROJECTIONS === 'in-process' })
      : undefined;
    await app.listen({ port: config.PORT, host: config.HOST });
    const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
    console.log(`\nCorporate Parenting Board is running at ${url}`);
    console.log(`  API docs (OpenAPI): ${url}/api/docs`);
    console.log(`  Health:             ${url}/api/health`);
    if (config.METRICS_PORT !== undefined) {
      const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
      console.log(`  Metrics:            http://${host}:${config.METRICS_PORT}/metrics (operators only)`);
    }
    console.log(
      `\nDemo board "${seeded.tenantName}" (board: ${seeded.tenantSlug}). Sign-ins (password for all: ${seeded.password}):`,
    );
    for (const user of seeded.users) console.log(`  ${user.role.padEnd(18)} ${user.email}`);
    if (config.SECOND_FACTOR === 'off') {
      console.log('  (No second factor for the demo. SECOND_FACTOR=required asks each account to set one up.)');
    }
    if (year) {
      console.log(
        `\nA year of the board is in place: ${year.meetings} meetings, ${year.views} views, ${year.decisions} decisions, ${year.actions} actions.`,
      );
    }
    console.log(`\nYoung people start at ${url}/boards/${seeded.tenantSlug}/ (no account needed).`);
    if (year?.receiptCodes.length) {
      console.log(`  Try "Check my view" (${url}/check) with a demo receipt code: ${year.receiptCodes.join('  or  ')}`);
    }
    console.log('');
  } else {
    await app.listen({ port: config.PORT, host: config.HOST });
    await serveMetricsIfConfigured(app, config, logger);
    logger.info({ port: config.PORT, eventStore: config.EVENT_STORE, readStore: config.READ_STORE }, 'listening');
  }
}

void main();
