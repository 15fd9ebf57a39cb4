import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, ProjectionRunner, type EventStore } from '#event-store';
import { IdentityService } from '#identity';
import { FixedClock, loadConfig, type AppConfig } from '#platform';
import { driveBoardYear, type BoardYear } from '#demo';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { seedDemo } from '../../apps/api/src/demo/seed-demo.js';

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  json<T = Record<string, unknown>>(): T;
}

export interface RequestOptions {
  readonly token?: string;
  readonly body?: unknown;
  /** Sent as-is (for malformed bodies). */
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly clock: FixedClock;
  readonly config: AppConfig;
  readonly baseUrl: string;
  request(method: string, path: string, options?: RequestOptions): Promise<HttpResponse>;
  /** Everything the app logged, as text. */
  logs(): string;
  signIn(email: string, password?: string, tenant?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real application, listening on a random local port over real HTTP, on a temporary SQLite data
 * folder, with a fixed clock and its logs captured.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'cpb-e2e-'));
  // Most suites sign in with a password alone; test/security turns the second factor on (SECOND_FACTOR).
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'info', SECOND_FACTOR: 'off', ...env });
  const clock = new FixedClock(new Date('2026-03-02T09:00:00.000Z'));
  let logged = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  const { app } = await createApp(config, { clock, logDestination: sink, swaggerUi: false });
  await seedDemo(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = await app.getUrl();

  async function request(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${baseUrl.replace('[::1]', '127.0.0.1')}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
  }

  return {
    app,
    clock,
    config,
    baseUrl,
    request,
    logs: () => logged,
    async signIn(email, password = 'demo-board-2026', tenant = 'northshire') {
      const response = await request('POST', '/api/auth/sign-in', { body: { tenant, email, password } });
      if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
      return response.json<{ token: string }>().token;
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The app with a year of the demo board driven through the real deciders, its read models caught up,
 * and the clock at the year's last evening (browser tests that read a board's history).
 */
export async function startTestAppWithBoardYear(options: {
  prefix: string;
  seed: number;
}): Promise<{ t: TestApp; tenantId: string; year: BoardYear }> {
  const t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
  const tenantId = (await t.app.get(IdentityService).tenantBySlug('northshire'))!.id;
  const year = await driveBoardYear(t.app.get<EventStore>(EVENT_STORE), { tenantId, ...options });
  await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 60_000 });
  t.clock.set(new Date(`${year.endOn}T18:00:00Z`));
  return { t, tenantId, year };
}
