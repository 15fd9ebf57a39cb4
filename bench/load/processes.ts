// The servers under load, each a child process of its own (so its memory is its own): the compiled
// api, or the bare NestJS baseline. Every one started is remembered and killed on the way out, even
// when the bench fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Server {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  /** Everything it printed (stdout and stderr), for the report when it fails. */
  output(): string;
  /** How it ended (`code 1`, `signal SIGKILL`), or null while it runs. */
  exit(): string | null;
  /** Peak and current resident memory from /proc (VmHWM, VmRSS), in MiB; null once it has exited. */
  memory(): { peakMiB: number; rssMiB: number } | null;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<Server>();

/** The baseline's compiled entry: a bare NestJS + Fastify app (bare-server.ts). */
export const BARE_ENTRY = 'dist/bench/load/bare-server.js';

/** The baseline, started: POST /views writes each view as one SQLite row (synchronous=FULL) in `dir`. */
export function startBare(port: number, dir: string): Promise<Server> {
  return startServer(
    'bare NestJS',
    BARE_ENTRY,
    port,
    { HOST: '127.0.0.1', PORT: String(port), BARE_DB: join(dir, 'bare.db') },
    '/',
  );
}

export function startServer(
  name: string,
  entry: string,
  port: number,
  env: Record<string, string>,
  healthPath: string,
): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [entry], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
  });
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const server: Server = {
    name,
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exit: () =>
      child.exitCode !== null
        ? `code ${child.exitCode}`
        : child.signalCode !== null
          ? `signal ${child.signalCode}`
          : null,
    memory: () => {
      if (!alive()) return null;
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kib = (field: string): number =>
          Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
        return { peakMiB: round1(kib('VmHWM') / 1024), rssMiB: round1(kib('VmRSS') / 1024) };
      } catch {
        return null;
      }
    },
    stop: async (graceMs = 10_000) => {
      running.delete(server);
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(server);
  return waitHealthy(server, healthPath, alive).then(
    () => server,
    async (error: unknown) => {
      await server.stop(1000);
      throw error;
    },
  );
}

async function waitHealthy(server: Server, path: string, alive: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`${server.name} exited before it was healthy:\n${server.output()}`);
    try {
      const response = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
      last = `${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${server.name} was not healthy within ${timeoutMs} ms (last: ${last}):\n${server.output()}`);
}

/** Stops every server still running (the bench's way out, on success or failure). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop(5000)));
}

/** SIGKILLs what is left synchronously: for an exit the bench did not plan (a signal, a crash). */
export function killAllNow(): void {
  for (const server of running) {
    try {
      process.kill(server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

/** CPU seconds (user + system) the process has used, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
}

/**
 * Seconds until the process has used less than `percent` of a core over a `windowMs` window, or null
 * when `timeoutMs` passes first: for work an api does after its projections have caught up (a process
 * manager's backlog), which the load must not be measured on top of.
 */
export async function waitQuiet(
  pid: number,
  percent: number,
  timeoutMs: number,
  windowMs = 2000,
): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    if (((cpuSeconds(pid) - before) / (windowMs / 1000)) * 100 < percent) {
      return Math.round((Date.now() - started) / 100) / 10;
    }
  }
  return null;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
