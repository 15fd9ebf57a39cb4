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
    const seeded = await seedDemo(app);
    await app.listen({ port: config.PORT, host: config.HOST });
    const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
    console.log(`\nCorporate Parenting Board is running at ${url}`);
    console.log(`  API docs (OpenAPI): ${url}/api/docs`);
    console.log(`  Health:             ${url}/api/health`);
    console.log(
      `\nDemo board "${seeded.tenantName}" (board: ${seeded.tenantSlug}). Sign-ins (password for all: ${seeded.password}):`,
    );
    for (const user of seeded.users) console.log(`  ${user.role.padEnd(18)} ${user.email}`);
    console.log('');
  } else {
    await app.listen({ port: config.PORT, host: config.HOST });
    logger.info({ port: config.PORT, eventStore: config.EVENT_STORE, readStore: config.READ_STORE }, 'listening');
  }
}

void main();
