import { randomUUID } from 'node:crypto';
import { EVENT_STORE, ProjectionRunner, type EventStore } from '#event-store';
import { IdentityService } from '#identity';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('read models fed by the in-process projection runner', () => {
  let t: TestApp;
  let tenantId: string;
  beforeAll(async () => {
    t = await startTestApp();
    tenantId = (await t.app.get(IdentityService).tenantBySlug('northshire'))!.id;
  });
  afterAll(async () => t.close());

  const append = (stream: string, type: string, tenant: string, day: string) =>
    t.app.get<EventStore>(EVENT_STORE).append(
      stream,
      [
        {
          type,
          data: { n: 1 },
          metadata: {
            tenantId: tenant,
            actor: { id: 'u', role: 'clerk' },
            onBehalfOf: null,
            correlationId: randomUUID(),
            causationId: randomUUID(),
            commandId: randomUUID(),
            recordedAt: `${day}T10:00:00.000Z`,
          },
        },
      ],
      { expected: 'any' },
    );

  it("projects events into the log activity read model, scoped to the caller's board", async () => {
    await append('meeting-1', 'ProbeRecorded', tenantId, '2026-03-01');
    await append('meeting-1', 'ProbeNoted', tenantId, '2026-03-01');
    await append('meeting-2', 'ProbeRecorded', tenantId, '2026-03-02');
    await append('meeting-9', 'ProbeRecorded', 'another-tenant', '2026-03-02');
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 10_000 });

    const token = await t.signIn('auditor@northshire.example');
    const response = await t.request('GET', '/api/audit/activity', { token });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([
      { day: '2026-03-01', eventType: 'ProbeNoted', events: 1 },
      { day: '2026-03-01', eventType: 'ProbeRecorded', events: 1 },
      { day: '2026-03-02', eventType: 'ProbeRecorded', events: 1 },
    ]);
    const from = await t.request('GET', '/api/audit/activity?from=2026-03-02', { token });
    expect(from.json()).toEqual([{ day: '2026-03-02', eventType: 'ProbeRecorded', events: 1 }]);
    const bad = await t.request('GET', '/api/audit/activity?from=yesterday', { token });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ field: 'from', reason: 'from must be a date as YYYY-MM-DD' }] });
  });

  it('refuses roles the route does not name', async () => {
    const token = await t.signIn('member@northshire.example');
    expect((await t.request('GET', '/api/audit/activity', { token })).status).toBe(403);
  });

  it('shows each projection and its lag on the health endpoint', async () => {
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 10_000 });
    const health = (await t.request('GET', '/api/health')).json<{ details: Record<string, Record<string, unknown>> }>();
    expect(health.details.projections).toMatchObject({
      status: 'up',
      log_activity: { lag: 0, caughtUp: true, parked: 0, unreadable: 0 },
    });
  });
});
