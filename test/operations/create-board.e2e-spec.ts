// A council's first start without its own sign-in: `cpb create-board` makes the board and its first admin,
// `cpb add-staff` a clerk; both sign in with the password shown once, and must set up a second factor.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAllProcesses, runCli, startApi } from '../support/processes.js';

function password(stdout: string): string {
  const found = /with this password, shown once: (\S+)/.exec(stdout)?.[1];
  if (!found) throw new Error(`no password in: ${stdout}`);
  return found;
}

describe('cpb create-board and add-staff', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-create-board-'));
  });

  afterAll(async () => {
    await killAllProcesses();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a board and accounts that sign in and must set up a second factor', async () => {
    const env = { DATA_DIR: dir, SECOND_FACTOR: 'required' };
    const board = runCli(
      [
        'create-board',
        '--board',
        'eastmere',
        '--name',
        'Eastmere Corporate Parenting Board',
        '--email',
        'Admin@Eastmere.example',
      ],
      env,
    );
    expect(board.stderr).toBe('');
    expect(board.code).toBe(0);
    expect(
      runCli(['create-board', '--board', 'eastmere', '--name', 'Again', '--email', 'x@eastmere.example'], env),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('already exists'),
    });
    const clerk = runCli(
      ['add-staff', '--board', 'eastmere', '--email', 'clerk@eastmere.example', '--role', 'clerk'],
      env,
    );
    expect(clerk.code).toBe(0);
    expect(
      runCli(['add-staff', '--board', 'eastmere', '--email', 'y@eastmere.example', '--role', 'boss'], env),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown role boss'),
    });
    expect(
      runCli(['add-staff', '--board', 'westmere', '--email', 'y@eastmere.example', '--role', 'clerk'], env).code,
    ).toBe(1);

    const api = await startApi(env);
    for (const [email, output] of [
      ['admin@eastmere.example', board.stdout],
      ['clerk@eastmere.example', clerk.stdout],
    ] as const) {
      const response = await fetch(`${api.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: 'eastmere', email, password: password(output) }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { secondFactor: string }).secondFactor).toBe('set-up');
    }
  }, 120_000);
});
