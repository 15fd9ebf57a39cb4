// Loads bench/peer/emmett-runner.mjs with a dynamic import, so the main tree never depends on
// Emmett. Installs the peer package on first use (a fresh clone has no bench/peer/node_modules).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchLeg } from './bench-leg.js';

type OpenPeer = (
  target: string,
  options: { pageSize: number; sqliteMode?: 'default' | 'singleton' },
) => Promise<BenchLeg & { notes?: string }>;

/** What bench/peer/emmett-runner.mjs exports (the parts this bench drives). */
export interface EmmettRunner {
  readonly openSqlite: OpenPeer;
  readonly openPostgres: OpenPeer;
}

/** bench/peer, found from this file: dist/bench/event-store/ when compiled, bench/event-store/ in source. */
export function peerDirectory(): string {
  for (const relative of ['../../../bench/peer/', '../peer/']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(`${dir}package.json`) && existsSync(`${dir}emmett-runner.mjs`)) return dir;
  }
  throw new Error(`bench/peer not found from ${fileURLToPath(import.meta.url)}`);
}

export async function loadEmmettRunner(): Promise<EmmettRunner> {
  const dir = peerDirectory();
  // sqlite3 is a native addon built on install: check for the built binary, not just the package.
  // npm's hidden lock file older than package-lock.json means the lock changed since the install.
  const hiddenLock = `${dir}node_modules/.package-lock.json`;
  const installed =
    [
      '@event-driven-io/emmett-sqlite/package.json',
      '@event-driven-io/emmett-postgresql/package.json',
      'sqlite3/build/Release/node_sqlite3.node',
    ].every((file) => existsSync(`${dir}node_modules/${file}`)) &&
    existsSync(hiddenLock) &&
    statSync(hiddenLock).mtimeMs >= statSync(`${dir}package-lock.json`).mtimeMs;
  if (!installed) {
    console.error(`Installing the peer (Emmett) into ${dir}node_modules: first run only, builds sqlite3 (1-2 min)...`);
    // Its own lock file and .npmrc (legacy-peer-deps): never touches the root node_modules.
    execFileSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund', '--legacy-peer-deps'], {
      stdio: ['ignore', process.stderr, process.stderr],
    });
  }
  return (await import(pathToFileURL(`${dir}emmett-runner.mjs`).href)) as EmmettRunner;
}
