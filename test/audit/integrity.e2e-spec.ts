import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '#event-store';
import { AccessLog, IdentityService } from '#identity';
import { parsePublicKey, verifyBundle } from '../../libs/audit/src/contracts/export-bundles.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The integrity routes over real HTTP: who may verify and export, what a tenant's bundle holds (its own
// events, other tenants' only as opaque gaps), and a tampered row in the live store.

describe('audit integrity (e2e)', () => {
  let t: TestApp;
  let auditor: string;
  let tenantId: string;
  let otherTenant: string;
  const secret = `southvale-secret-${randomUUID()}`;

  beforeAll(async () => {
    t = await startTestApp();
    auditor = await t.signIn('auditor@northshire.example');
    tenantId = (await t.request('GET', '/api/auth/me', { token: auditor })).json<{ tenantId: string }>().tenantId;
    // Two boards' events interleaved in the one (global) chain: ours, theirs, ours.
    const other = await t.app.get(IdentityService).createTenant('southvale', 'Southvale Corporate Parenting Board');
    otherTenant = other.id;
    store = t.app.get<EventStore>(EVENT_STORE);
    at = t.clock.now().toISOString();
    const meetingId = randomUUID();
    await append(tenantId, `meeting-${meetingId}`, 'MeetingScheduled', { meetingId, at });
    await append(otherTenant, `board-${otherTenant}`, 'BoardConfigured', { tenantId: otherTenant, name: secret, at });
    await append(tenantId, `meeting-${meetingId}`, 'AgendaPublished', { meetingId, at });
  }, 60_000);

  let store: EventStore;
  let at: string;
  const append = (tenant: string, stream: string, type: string, data: object) =>
    store.append(
      stream,
      [
        {
          type,
          data,
          metadata: {
            tenantId: tenant,
            actor: { id: 'someone', role: 'clerk' },
            onBehalfOf: null,
            correlationId: randomUUID(),
            causationId: randomUUID(),
            commandId: randomUUID(),
            recordedAt: at,
          },
        },
      ],
      { expected: 'any' },
    );

  afterAll(async () => {
    await t.close();
  });

  it('lets auditors and admins verify the chain, records the read, and refuses everyone else', async () => {
    const response = await t.request('GET', '/api/audit/integrity', { token: auditor });
    expect(response.status).toBe(200);
    const report = response.json<{ ok: boolean; eventsChecked: number; headPosition: string; chainScope: string }>();
    expect(report).toMatchObject({ ok: true, chainScope: 'global' });
    expect(report.eventsChecked).toBeGreaterThan(1);
    expect(typeof report.headPosition).toBe('string');
    const admin = await t.signIn('admin@northshire.example');
    expect((await t.request('GET', '/api/audit/integrity', { token: admin })).status).toBe(200);
    for (const role of ['member', 'clerk', 'chair']) {
      const token = await t.signIn(`${role}@northshire.example`);
      expect((await t.request('GET', '/api/audit/integrity', { token })).status).toBe(403);
      expect((await t.request('GET', '/api/audit/export', { token })).status).toBe(403);
    }
    expect((await t.request('GET', '/api/audit/integrity')).status).toBe(401);
    const reads = await t.app.get(AccessLog).forTenant(tenantId);
    expect(reads.filter((r) => r.action === 'audit-integrity-verify').map((r) => r.role)).toEqual(
      expect.arrayContaining(['auditor', 'admin']),
    );
  });

  it('publishes the signing key to anyone, no sign-in needed', async () => {
    const response = await t.request('GET', '/api/audit/public-key');
    expect(response.status).toBe(200);
    const body = response.json<{ algorithm: string; keyId: string; publicKeyPem: string }>();
    expect(body.algorithm).toBe('Ed25519');
    expect(parsePublicKey(body.publicKeyPem).asymmetricKeyType).toBe('ed25519');
    expect(body.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it("exports only the caller's tenant's events, signed, verifiable offline with the published key", async () => {
    const response = await t.request('GET', '/api/audit/export', { token: auditor });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const lines = response.text.trimEnd().split('\n');
    const key = parsePublicKey((await t.request('GET', '/api/audit/public-key')).text);
    const outcome = await verifyBundle(lines, key);
    expect(outcome.ok).toBe(true);
    expect(outcome.header).toMatchObject({ scope: 'tenant', tenantId });
    expect(outcome.events).toBeGreaterThan(0);
    // The other board's event is there only as a gap: no name, no stream, no tenant id.
    expect(response.text).not.toContain(secret);
    expect(response.text).not.toContain(otherTenant);
    expect(lines.filter((l) => l.startsWith('{"kind":"gap"'))).toHaveLength(1);
    const events = lines
      .filter((l) => l.startsWith('{"kind":"event"'))
      .map((l) => JSON.parse(l) as { metadata: { tenantId: string } });
    expect(events.every((e) => e.metadata.tenantId === tenantId)).toBe(true);
    const exports = await t.app.get(AccessLog).forTenant(tenantId);
    expect(exports.some((r) => r.action === 'audit-export-bundle')).toBe(true);
  });

  it('documents the three routes in OpenAPI, the public key without a bearer requirement', async () => {
    const doc = (await t.request('GET', '/api/docs/openapi.json')).json<{
      paths: Record<string, { get?: { security?: unknown[]; tags?: string[] } }>;
    }>();
    expect(doc.paths['/api/audit/integrity']?.get?.security).toBeDefined();
    expect(doc.paths['/api/audit/export']?.get?.security).toBeDefined();
    expect(doc.paths['/api/audit/public-key']?.get).toBeDefined();
    expect(doc.paths['/api/audit/public-key']?.get?.security).toBeUndefined();
  });

  it("reports a changed row in the live store without naming another tenant's stream, and refuses to export", async () => {
    // Checks resume from the last verified head (docs/audit.md): the row changed is one of the other board's
    // events written since the last check, which the next check reads.
    const checkedBefore = (await t.request('GET', '/api/audit/integrity', { token: auditor })).json<{
      headPosition: string;
    }>();
    const later = await append(otherTenant, `board-${otherTenant}`, 'BoardRenamed', { name: secret, at });
    expect(later.position > checkedBefore.headPosition).toBe(true);
    const db = new Database(join(t.config.DATA_DIR, 'events.db'));
    try {
      db.prepare(`UPDATE es_events SET data = json_set(data, '$.name', 'changed') WHERE position = ?`).run(
        Number(later.position),
      );
    } finally {
      db.close();
    }
    const report = (await t.request('GET', '/api/audit/integrity', { token: auditor })).json<{
      ok: boolean;
      resumedFrom?: { position: string };
      firstBreak: { position: string; reason: string; stream?: string };
    }>();
    expect(report.resumedFrom?.position).toBe(checkedBefore.headPosition);
    expect(report.ok).toBe(false);
    expect(report.firstBreak.position).toBe(later.position);
    expect(report.firstBreak.reason).toContain('hash does not match');
    expect(report.firstBreak.stream).toBeUndefined();
    const refused = await t.request('GET', '/api/audit/export', { token: auditor });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('chain-broken');
  });
});
