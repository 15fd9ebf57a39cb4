// Child process of projection-crash.int-spec.ts: runs the projection runner over a SQLite event store
// and read database until the parent kills it (SIGKILL), or, with `finish`, until caught up.
import { DataSource } from 'typeorm';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store.js';
import { ProjectionRunner } from './projection-runner.js';
import { streamActivityProjection } from './stream-activity.test-projection.js';

interface ChildConfig {
  readonly eventsDb: string;
  readonly readDb: string;
  /** Also rebuild the projection into a new version (resumed by later children if killed). */
  readonly rebuild: boolean;
  /** Catch up, finish any rebuild, stop cleanly and exit 0. */
  readonly finish: boolean;
}

const NAME = 'stream_activity';
const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

const store = new SqliteEventStore({ filename: config.eventsDb });
const dataSource = await new DataSource({
  type: 'better-sqlite3',
  database: config.readDb,
  enableWAL: true,
}).initialize();
const runner = new ProjectionRunner({
  store,
  dataSource,
  projections: [streamActivityProjection()],
  batchSize: 40,
  maxAttempts: 3,
  leaseTtlMs: 300,
  renewEveryMs: 75,
  pollIntervalMs: 10,
  retryDelayMs: 5,
  maxRetryDelayMs: 50,
  logger: { warn: (message, context) => process.stderr.write(`${message} ${JSON.stringify(context)}\n`) },
});
await runner.start();
await runner.waitUntilActive(NAME, 20_000);
say('active');
if (config.rebuild) {
  runner.rebuild(NAME).then(
    (version) => say(`rebuilt v${version}`),
    () => undefined, // killed or fenced: a later child resumes it
  );
}
if (config.finish) {
  const [status] = await runner.status();
  if (status?.rebuild) say(`finished rebuild v${await runner.rebuild(NAME)}`);
  await runner.waitForCatchUp({ timeoutMs: 60_000 });
  await runner.stop();
  await dataSource.destroy();
  await store.close();
  say('done');
}
