// The compiled product as real processes (dist/, built once by global-build.ts): the api, the
// projector and the CLI, each with its own environment, for the tests that kill, restart or race them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '../../libs/testing/src/postgres/global-setup.js';

const ENTRIES = {
  api: 'dist/apps/api/src/main.js',
  projector: 'dist/apps/projector/src/main.js',
  cli: 'dist/apps/cli/src/main.js',
} as const;

/** Settings every spawned process gets unless the test says otherwise: quiet, no limits in the way. */
/** The processes' pepper: the tests derive command ids from their Idempotency-Keys as the product does. */
export const FAULT_RECEIPT_PEPPER = 'fault-tests-receipt-pepper';

const BASE_ENV: Record<string, string> = {
  LOG_LEVEL: 'warn',
  SECOND_FACTOR: 'off',
  NODE_OPTIONS: '',
  RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '1000000',
  RATE_LIMIT_RECEIPT_CODES_PER_MINUTE: '1000000',
  RATE_LIMIT_PUBLIC_READS_PER_MINUTE: '1000000',
  RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000000',
  RATE_LIMIT_DEFAULT_PER_MINUTE: '1000000',
  // Fixed secrets, so a restarted process reads what the last one wrote.
  CPB_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  CPB_TOKEN_SECRET: 'fault-tests-token-secret-0123456789abcdef',
  CPB_RECEIPT_PEPPER: FAULT_RECEIPT_PEPPER,
};

export interface RunningProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or signal) once it has exited. */
  exited(): Promise<number | string>;
  /** SIGKILL, and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (a graceful stop), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface RunningApi extends RunningProcess {
  readonly url: string;
  readonly port: number;
}

/** Every process started here and not yet exited, so a failed set-up still cleans up. */
const live = new Set<ChildProcess>();

/** SIGKILLs every process these helpers started that is still running (for afterAll). */
export async function killAllProcesses(): Promise<void> {
  const waits = [...live].map((child) => {
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    return exited;
  });
  await Promise.all(waits);
}

function start(entry: string, env: Record<string, string>, args: readonly string[] = []): RunningProcess {
  const child = spawn(process.execPath, [entry, ...args], {
    env: { ...process.env, ...BASE_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | string>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const running: RunningProcess = {
    child,
    pid: child.pid!,
    output: () => output,
    exited: () => exit,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exit;
    },
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
  return running;
}

/**
 * Polls `GET /api/health` until it answers 200 (or the process dies, or the time is up). With
 * `anyAnswer`, any answer will do (a 503 from projections far behind still means it is listening).
 */
export async function waitUntilHealthy(api: RunningApi, timeoutMs = 60_000, anyAnswer = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null || api.child.signalCode !== null) {
      throw new Error(`the api exited (${api.child.exitCode ?? api.child.signalCode}):\n${api.output()}`);
    }
    try {
      const response = await fetch(`${api.url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200 || anyAnswer) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the api did not become healthy in ${timeoutMs} ms (last: ${last}):\n${api.output()}`);
}

/**
 * Starts the compiled api on a free loopback port and waits until it is healthy. `env` adds to (or
 * overrides) the quiet defaults above; DATA_DIR and the stores are the caller's.
 */
export async function startApi(
  env: Record<string, string>,
  options: { port?: number; healthy?: boolean; timeoutMs?: number } = {},
): Promise<RunningApi> {
  const port = options.port ?? (await freePort());
  const running = start(ENTRIES.api, { HOST: '127.0.0.1', PORT: String(port), ...env });
  const api: RunningApi = { ...running, url: `http://127.0.0.1:${port}`, port };
  try {
    await waitUntilHealthy(api, options.timeoutMs ?? 60_000, options.healthy === false);
  } catch (error) {
    await running.kill(); // never leave a half-started api behind a failed set-up
    throw error;
  }
  return api;
}

/** Starts the compiled projector (no HTTP): it runs every read model's projection. */
export function startProjector(env: Record<string, string>): RunningProcess {
  return start(ENTRIES.projector, env);
}

/** Runs the compiled CLI to its end: its exit code and what it printed. */
export function runCli(
  args: readonly string[],
  env: Record<string, string>,
): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [ENTRIES.cli, ...args], {
    env: { ...process.env, ...BASE_ENV, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Signs in one of the demo board's accounts (DEMO_SEED=board) and answers the bearer token. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'northshire', email, password: 'demo-board-2026' }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

export { freePort };

/**
 * Configures the demo board (PUT /api/board) as its clerk, so meetings can be scheduled; answers the board's
 * tenant id. Configuring it again with the same settings records nothing and answers the same.
 */
export async function configureDemoBoard(baseUrl: string, clerkToken: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/board`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${clerkToken}` },
    body: JSON.stringify({
      name: 'Northshire Corporate Parenting Board',
      council: 'Northshire County Council',
      jurisdiction: 'england',
      quorum: 3,
      termsOfReference: 'To hold the council to account as corporate parent of the children in its care.',
    }),
  });
  if (response.status !== 200) {
    throw new Error(`configuring the board failed: ${response.status} ${await response.text()}`);
  }
  return ((await response.json()) as { id: string }).id;
}
