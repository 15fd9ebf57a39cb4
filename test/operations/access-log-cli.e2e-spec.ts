// `cpb access-log`: the same review as GET /api/audit/access-log at the command line, on a real data
// folder while the api runs: a table or JSON, by view, member of staff (id or e-mail) and period, and
// each review recorded in the access log as the operator.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAllProcesses, runCli, signIn, startApi } from '../support/processes.js';

interface Page {
  entries: Array<{
    staff: { userId: string; name: string | null; role: string };
    action: string;
    subject: { type: string; id: string };
    purpose: string;
    route: string | null;
  }>;
  total: number;
}

const WORDS = 'The bus to my school takes two hours each way.';

describe('cpb access-log', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-access-log-'));
  });

  afterAll(async () => {
    await killAllProcesses();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints who read a view’s words, when and why, and records its own reading', async () => {
    const env = { DATA_DIR: dir };
    const api = await startApi({ ...env, DEMO_SEED: 'board' });
    const given = await fetch(`${api.url}/api/public/boards/northshire/views`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: WORDS }),
    });
    expect(given.status).toBe(201);
    const moderator = await signIn(api.url, 'moderator@northshire.example');
    let viewId: string | undefined;
    // The queue shows the view once its read model has it (the read of its words is then recorded).
    for (let tries = 0; tries < 100 && !viewId; tries++) {
      const queue = await fetch(`${api.url}/api/moderation/queue`, {
        headers: { authorization: `Bearer ${moderator}` },
      });
      viewId = ((await queue.json()) as Array<{ contributionId: string }>)[0]?.contributionId;
      if (!viewId) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(viewId).toBeDefined();

    const table = runCli(['access-log', '--board', 'northshire', '--view', viewId!], env);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^1 read recorded; page 1 of 1, newest first\.$/m);
    expect(table.stdout).toMatch(/^when\s+who\s+role\s+what\s+why\s+route$/m);
    expect(table.stdout).toContain('Morgan Lee (Participation)');
    expect(table.stdout).toContain('Moderation: checking views before they reach the board');
    expect(table.stdout).toContain('GET /api/moderation/queue');
    expect(table.stdout).not.toContain(WORDS);

    const json = runCli(
      [
        'access-log',
        '--board',
        'northshire',
        '--staff',
        'Moderator@northshire.example',
        '--from',
        '2020-01-01',
        '--json',
      ],
      env,
    );
    expect(json.code).toBe(0);
    const page = JSON.parse(json.stdout) as Page;
    expect(page.entries.map((e) => [e.staff.role, e.action, e.subject.id])).toEqual([
      ['moderator', 'read-contribution-text', viewId],
    ]);

    // Both reviews are in the log, as the operator at the command line.
    const reviews = JSON.parse(runCli(['access-log', '--board', 'northshire', '--json'], env).stdout) as Page;
    const byOperator = reviews.entries.filter((e) => e.action === 'access-log-review');
    expect(byOperator.map((e) => [e.staff.role, e.subject.type, e.purpose, e.route])).toEqual([
      ['operator', 'staff', 'Access-log review', 'cpb access-log'],
      ['operator', 'contribution', 'Access-log review', 'cpb access-log'],
    ]);
    expect(byOperator[0]!.staff.name).toMatch(/^Command line \(.+\)$/);

    // And in the API's answer to an auditor.
    const auditor = await signIn(api.url, 'auditor@northshire.example');
    const answer = await fetch(`${api.url}/api/audit/access-log?viewId=${viewId}`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    expect(((await answer.json()) as Page).entries.map((e) => e.action)).toEqual([
      'access-log-review',
      'read-contribution-text',
    ]);

    expect(runCli(['access-log'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('Name the board') });
    expect(runCli(['access-log', '--board', 'northshire', '--from', '2026-02-30'], env)).toMatchObject({ code: 2 });
    expect(runCli(['access-log', '--board', 'elsewhere'], env)).toMatchObject({ code: 1 });
    expect(runCli(['access-log', '--board', 'northshire', '--staff', 'nobody@northshire.example'], env).code).toBe(1);
  }, 180_000);
});
