// The quick start, for real: start the compiled server (built once by test/support/global-build.ts) with --demo as `npm start` does,
// and use it over HTTP. Catches what in-process tests cannot (module loading under plain Node,
// the Swagger UI's static files, graceful shutdown).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../libs/testing/src/postgres/global-setup.js';

describe('npm start (the compiled server with the demo board)', () => {
  let server: ChildProcess;
  let output = '';
  let base: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-smoke-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['dist/apps/api/src/main.js', '--demo'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dir, LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk) => (output += chunk));
    server.stderr!.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
      const check = setInterval(() => {
        // The banner arrives in several chunks: wait for its last line (the auditor's sign-in).
        if (output.includes('auditor@northshire.example')) {
          clearInterval(check);
          clearTimeout(timer);
          resolve();
        }
      }, 50);
      server.once('exit', (code) => {
        clearInterval(check);
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${output}`));
      });
    });
  }, 120_000);

  afterAll(async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints where to open it and the demo sign-ins, one per role', () => {
    expect(output).toContain(`running at ${base}`);
    for (const role of ['admin', 'clerk', 'chair', 'member', 'officer', 'moderator', 'safeguarding-lead', 'auditor']) {
      expect(output).toMatch(new RegExp(`\\n\\s+${role}\\s+\\S+@northshire\\.example`));
    }
  });

  it('serves health, the OpenAPI UI with its assets, and demo sign-in', async () => {
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const ui = await fetch(`${base}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
    expect((await fetch(`${base}/api/docs/swagger-ui.css`)).status).toBe(200);
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'northshire', email: 'auditor@northshire.example', password: 'demo-board-2026' }),
    });
    expect(signIn.status).toBe(200);
  });

  it("names the demo's own staff in the auditor's history of a demo decision", async () => {
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'northshire', email: 'auditor@northshire.example', password: 'demo-board-2026' }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const decisions = (await (await fetch(`${base}/api/decisions`, { headers: auth })).json()) as Array<{
      decisionId: string;
    }>;
    expect(decisions.length).toBeGreaterThan(0);
    const history = (await (
      await fetch(`${base}/api/audit/decisions/${decisions[0]!.decisionId}/history`, { headers: auth })
    ).json()) as { events: Array<{ actor: { name: string | null } }> };
    const names = history.events.map((event) => event.actor.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => typeof name === 'string' && name.length > 0)).toBe(true);
    expect(names).toContain('Chris Clerk');
  });

  it('shuts down gracefully on SIGTERM, closing its databases', async () => {
    expect(existsSync(join(dir, 'events.db-wal'))).toBe(true);
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      server.once('exit', (code, signal) => resolve({ code, signal })),
    );
    server.kill('SIGTERM');
    // Nest runs its shutdown hooks, then re-raises the signal.
    expect(await exited).toEqual(expect.objectContaining({ signal: 'SIGTERM' }));
    // SQLite removes the WAL only when the last connection closes cleanly.
    expect(existsSync(join(dir, 'events.db-wal'))).toBe(false);
    expect(existsSync(join(dir, 'read.db-wal'))).toBe(false);
  });
});
