// `cpb projections` and `cpb projections rebuild <name>` on a real data folder: the status table, a rebuild
// refused while the api holds the projection's lease, and a rebuild that swaps in a new version the api
// then reads from.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureDemoBoard, killAllProcesses, runCli, signIn, startApi } from '../support/processes.js';

describe('cpb projections', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-projections-'));
  });

  afterAll(async () => {
    await killAllProcesses();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports every read model, refuses a rebuild while the api runs it, rebuilds once it is stopped', async () => {
    // A lease the api renews every 3 s: with a 1 s lease, an api starved of CPU for a second (three Jest
    // workers on two cores) let it lapse, and the CLI's rebuild was not refused. A graceful stop releases
    // the leases at once, so the rebuild after it does not wait for them.
    const env = { DATA_DIR: dir, PROJECTION_LEASE_SECONDS: '10' };
    let api = await startApi({ ...env, DEMO_SEED: 'board' });
    const clerk = await signIn(api.url, 'clerk@northshire.example');
    await configureDemoBoard(api.url, clerk);
    const meetingId = randomUUID();
    const created = await fetch(`${api.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${clerk}` },
      body: JSON.stringify({
        meetingId,
        title: 'Rebuild meeting',
        startsAt: '2027-07-20T18:00:00Z',
        place: 'County Hall',
      }),
    });
    expect(created.status).toBe(201);

    const refused = runCli(['projections', 'rebuild', 'board_meeting_detail'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Another runner holds "board_meeting_detail"\. Stop the projector/);
    expect(runCli(['projections', 'rebuild', 'no_such_model'], env)).toMatchObject({ code: 2 });
    await api.stop();

    const before = runCli(['projections'], env);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/^board_meeting_detail\s+v1\s+current\s+0\s+0\s+0\s+caught up$/m);
    const rebuilt = runCli(['projections', 'rebuild', 'board_meeting_detail'], env);
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt).toMatchObject({ code: 0 });
    expect(rebuilt.stdout).toMatch(/Rebuilt board_meeting_detail in [\d.]+ s: its live tables are now version 2\./);
    expect(runCli(['projections'], env).stdout).toMatch(
      /^board_meeting_detail\s+v2\s+current\s+0\s+0\s+0\s+caught up$/m,
    );

    api = await startApi(env);
    const token = await signIn(api.url, 'clerk@northshire.example');
    const meeting = await fetch(`${api.url}/api/meetings/${meetingId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(meeting.status).toBe(200);
    expect(((await meeting.json()) as { title: string }).title).toBe('Rebuild meeting');
    console.log(`projections\n${before.stdout}`);
  }, 180_000);
});
