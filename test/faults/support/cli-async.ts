// The compiled CLI run without blocking the test's event loop (test/support/processes.ts runCli uses
// spawnSync): so the test can keep writing to the api while, say, `cpb backup` copies its files.
import { spawn } from 'node:child_process';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export function runCliAsync(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/apps/cli/src/main.js', ...args], {
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr, ms: Math.round(performance.now() - started) });
    });
  });
}
