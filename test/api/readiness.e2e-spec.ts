import { ProjectionRunner } from '#event-store';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 17, item 10: after a restart, health answered 200 while the read models were still catching up,
// so a load balancer sent a child to a replica that could not yet find their view. Readiness now waits
// until every read model has caught up once since the process started; liveness answers regardless.

interface Health {
  status: string;
  details: { projections: Record<string, { lag: number; catchingUp: boolean }> };
}

describe('readiness reports read models still catching up', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('is 503 until the read models have caught up once, then 200; liveness is 200 throughout', async () => {
    const runner = t.app.get(ProjectionRunner);
    await runner.stop(); // as after a restart: the log is ahead of the read models
    const given = await t.request('POST', '/api/public/boards/northshire/views', {
      body: { text: 'Synthetic words: given while the read models were behind.' },
    });
    expect(given.status).toBe(201);

    const catchingUp = await t.request('GET', '/api/health');
    expect(catchingUp.status).toBe(503);
    const behind = Object.entries(catchingUp.json<Health>().details.projections).filter(([, p]) => p.catchingUp);
    expect(behind.length).toBeGreaterThan(0);
    expect(behind.every(([, p]) => p.lag > 0)).toBe(true);
    expect((await t.request('GET', '/api/health/live')).status).toBe(200);

    await runner.start();
    await runner.waitForCatchUp({ timeoutMs: 20_000 });
    const ready = await t.request('GET', '/api/health');
    expect(ready.status).toBe(200);
    expect(Object.values(ready.json<Health>().details.projections).every((p) => !p.catchingUp)).toBe(true);

    // Once ready, a moment's lag under load does not take the replica out.
    await runner.stop();
    try {
      await t.request('POST', '/api/public/boards/northshire/views', { body: { text: 'Synthetic words: later.' } });
      expect((await t.request('GET', '/api/health')).status).toBe(200);
    } finally {
      await runner.start();
    }
  }, 60_000);
});
