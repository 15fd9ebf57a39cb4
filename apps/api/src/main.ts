import { ConfigError, loadConfig } from '#platform';
import { createApp } from './bootstrap.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const demo = process.argv.includes('--demo') || config.DEMO_SEED;
  const { app, logger } = await createApp(config);
  if (demo) {
    const { seedDemo } = await import('./demo/seed-demo.js');
    // Initialised first: the projection runner starts with the app, and the demo year waits for it.
    await app.init();
    const seeded = await seedDemo(app);
    const { seedDemoYear } = await import('./demo/seed-demo-year.js');
    const year = await seedDemoYear(app, seeded.tenantId);
    await app.listen({ port: config.PORT, host: config.HOST });
    const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
    console.log(`\nCorporate Parenting Board is running at ${url}`);
    console.log(`  API docs (OpenAPI): ${url}/api/docs`);
    console.log(`  Health:             ${url}/api/health`);
    console.log(
      `\nDemo board "${seeded.tenantName}" (board: ${seeded.tenantSlug}). Sign-ins (password for all: ${seeded.password}):`,
    );
    for (const user of seeded.users) console.log(`  ${user.role.padEnd(18)} ${user.email}`);
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
    logger.info({ port: config.PORT, eventStore: config.EVENT_STORE, readStore: config.READ_STORE }, 'listening');
  }
}

void main();
