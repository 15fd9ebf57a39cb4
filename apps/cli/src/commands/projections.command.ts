import type { ProjectionRunner, ProjectionStatus } from '#event-store';
import type { AppConfig } from '#platform';
import { PROJECTIONS } from '../../../api/src/app.module.js';
import { openEventStore } from '../../../api/src/infrastructure/event-store.factory.js';
import { createProjectionRunner } from '../../../api/src/projections/projections.module.js';
import { PERSONAL_DATA_POLICY } from '../../../api/src/infrastructure/personal-data.js';
import { openReadDatabase, readDatabaseOptions } from '../../../api/src/infrastructure/read-database.js';
import { loadSecrets } from '../../../api/src/infrastructure/secrets.js';

export interface ProjectionsOutcome {
  readonly code: number;
  readonly message: string;
}

/**
 * `cpb projections`: every read model's live version, lag, parked events and events applied with personal
 * data that could not be opened ("unreadable"). With `rebuild <name>`: takes
 * that projection's lease (free only when no projector, nor an api with PROJECTIONS=in-process, runs it),
 * rebuilds it from zero beside the live tables (which stay readable), swaps, and lets go.
 */
export async function projectionsCommand(
  config: AppConfig,
  options: { rebuild?: string; progress: boolean },
): Promise<ProjectionsOutcome> {
  const names = PROJECTIONS.map((p) => p.name);
  if (options.rebuild !== undefined && !names.includes(options.rebuild)) {
    return { code: 2, message: `No projection named "${options.rebuild}". Projections: ${names.join(', ')}.` };
  }
  const opened = await openEventStore(config, loadSecrets(config).masterKey, PERSONAL_DATA_POLICY);
  const dataSource = await openReadDatabase(readDatabaseOptions(config, []));
  const runner = createProjectionRunner(config, opened.store, dataSource, PROJECTIONS, { warn: () => undefined });
  try {
    if (options.rebuild === undefined) {
      await runner.prepare();
      return { code: 0, message: table(await runner.status()) };
    }
    const name = options.rebuild;
    await runner.start();
    try {
      // A lease another runner renews never frees: wait a little over one lease period, then say why.
      await runner.waitUntilActive(name, config.PROJECTION_LEASE_SECONDS * 1000 + 5000);
    } catch {
      return {
        code: 1,
        message:
          `Another runner holds "${name}". Stop the projector (or the api, when it runs with PROJECTIONS=in-process), ` +
          'run this again, then start it: it carries on from the rebuilt tables.',
      };
    }
    const started = Date.now();
    const ticker = options.progress ? setInterval(() => void report(runner, name, started), 1000) : undefined;
    try {
      const version = await runner.rebuild(name);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (options.progress) process.stderr.write('\n');
      return { code: 0, message: `Rebuilt ${name} in ${seconds} s: its live tables are now version ${version}.` };
    } finally {
      clearInterval(ticker);
    }
  } finally {
    await runner.stop();
    await dataSource.destroy();
    await opened.close();
  }
}

async function report(runner: ProjectionRunner, name: string, started: number): Promise<void> {
  const status = (await runner.status()).find((s) => s.name === name);
  const left = status?.rebuild
    ? `${status.rebuild.lag}${status.rebuild.lagCapped ? '+' : ''} events to go`
    : 'swapping';
  process.stderr.write(`\rRebuilding ${name}: ${left}, ${Math.round((Date.now() - started) / 1000)} s   `);
}

function table(statuses: readonly ProjectionStatus[]): string {
  const rows = statuses.map((s) => [
    s.name,
    `v${s.version}`,
    s.logicVersion === s.codeVersion ? 'current' : `logic v${s.logicVersion ?? '-'} → v${s.codeVersion}`,
    `${s.lag}${s.lagCapped ? '+' : ''}`,
    String(s.parked),
    String(s.unreadable),
    s.rebuild ? `rebuilding (${s.rebuild.lag} to go)` : s.caughtUp ? 'caught up' : 'behind',
  ]);
  const header = ['projection', 'live', 'logic', 'lag', 'parked', 'unreadable', 'state'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
