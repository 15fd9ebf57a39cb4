// Issue 17, item 4: demo data in production. NODE_ENV=production accepted DEMO_SEED (and npm start's --demo),
// so the demo's public password signed in as the safeguarding lead. The compiled api (built by
// test/support/global-build.ts) must now refuse to start, naming the setting, before it listens or seeds.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../libs/testing/src/postgres/global-setup.js';

/** Real secrets, as production needs them: only the demo setting is wrong. */
const PRODUCTION = {
  NODE_ENV: 'production',
  CPB_MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
  CPB_TOKEN_SECRET: 'x'.repeat(48),
  CPB_RECEIPT_PEPPER: 'p'.repeat(32),
  LOG_LEVEL: 'warn',
};

async function start(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cpb-demo-prod-'));
  const port = await freePort();
  const { DEMO_SEED: _demo, SECOND_FACTOR: _secondFactor, ...base } = process.env;
  try {
    const server = spawn(process.execPath, ['dist/apps/api/src/main.js', ...args], {
      env: { ...base, NODE_OPTIONS: '', DATA_DIR: dir, PORT: String(port), ...PRODUCTION, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout!.on('data', (chunk) => (output += chunk));
    server.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => {
      // A process that starts anyway is killed, and the test fails on its exit code.
      const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
      server.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    // Refused before anything was opened: no store, no board, no accounts.
    expect(readdirSync(dir)).toEqual([]);
    return { code, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('demo data in production', () => {
  it.each([
    ['--demo (npm start)', ['--demo'], {}, 'true'],
    ['DEMO_SEED=true', [], { DEMO_SEED: 'true' }, 'true'],
    ['DEMO_SEED=board', [], { DEMO_SEED: 'board' }, 'board'],
  ])(
    'refuses to start with %s, naming the setting',
    async (_name, args, env, value) => {
      const { code, output } = await start(args, env);
      expect(code).toBe(2);
      expect(output).toContain('Invalid configuration');
      expect(output).toContain(`DEMO_SEED: demo data (DEMO_SEED=${value}, or --demo) is refused in production`);
      expect(output).not.toContain('running at');
      expect(output).not.toContain('demo-board-2026');
      // The only complaint is the demo: the secrets given are accepted (--demo no longer turns SECOND_FACTOR off).
      expect(output.match(/^ {2}\S+:/gm)).toEqual(['  DEMO_SEED:']);
    },
    60_000,
  );
});
