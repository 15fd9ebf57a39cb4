import { IdentityService } from '#identity';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('API spine: sign-in, deny by default, problem details, health, OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
  });
  afterAll(async () => t.close());

  it('reports health of the event store and read database', async () => {
    const response = await t.request('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      details: { eventStore: { status: 'up', adapter: 'sqlite' }, readDatabase: { status: 'up' } },
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('signs a demo user in and tells them who they are', async () => {
    const token = await t.signIn('chair@northshire.example');
    const me = await t.request('GET', '/api/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.json()).toMatchObject({ roles: ['chair'], actingRole: 'chair' });
  });

  it("lists the board's active officers (names and ids, no emails) to those who give out actions", async () => {
    const identity = t.app.get(IdentityService);
    const other = await identity.createTenant('eastmoor', 'Eastmoor Corporate Parenting Board');
    await identity.createStaffUser({
      tenantId: other.id,
      email: 'officer@eastmoor.example',
      displayName: 'Eastmoor officer',
      password: 'eastmoor-password-1',
      roles: ['officer'],
    });
    const response = await t.request('GET', '/api/staff/officers', {
      token: await t.signIn('chair@northshire.example'),
    });
    expect(response.status).toBe(200);
    const officers = response.json<Array<Record<string, string>>>();
    const demoOfficer = (
      await t.request('GET', '/api/auth/me', { token: await t.signIn('officer@northshire.example') })
    ).json<{ userId: string }>();
    expect(officers.map((o) => o.userId)).toEqual([demoOfficer.userId]);
    expect(Object.keys(officers[0]!).sort()).toEqual(['displayName', 'userId']);
    expect(response.text).not.toContain('Eastmoor');
    expect(response.text).not.toContain('@');
    for (const who of ['member', 'officer', 'auditor']) {
      const refused = await t.request('GET', '/api/staff/officers', {
        token: await t.signIn(`${who}@northshire.example`),
      });
      expect(refused.status).toBe(403);
    }
  });

  it('refuses a wrong password, an unknown user and an unknown board alike', async () => {
    for (const body of [
      { tenant: 'northshire', email: 'chair@northshire.example', password: 'wrong-password' },
      { tenant: 'northshire', email: 'nobody@northshire.example', password: 'demo-board-2026' },
      { tenant: 'elsewhere', email: 'chair@northshire.example', password: 'demo-board-2026' },
    ]) {
      const response = await t.request('POST', '/api/auth/sign-in', { body });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status: 401, detail: 'The board, email or password is not right.' });
    }
  });

  it('answers malformed bodies with 400 problem details naming each field', async () => {
    const response = await t.request('POST', '/api/auth/sign-in', {
      body: { tenant: 'North Shire', email: 'not-an-email', password: 'x', extra: true },
    });
    expect(response.status).toBe(400);
    const body = response.json<{ type: string; errors: Array<{ field: string; reason: string }> }>();
    expect(body.type).toBe('/problems/validation');
    expect([...new Set(body.errors.map((e) => e.field))].sort()).toEqual(['email', 'extra', 'tenant']);
    const badJson = await t.request('POST', '/api/auth/sign-in', { rawBody: '{"tenant": ' });
    expect(badJson.status).toBe(400);
    expect(badJson.headers.get('content-type')).toContain('application/problem+json');
    const tooLarge = await t.request('POST', '/api/auth/sign-in', {
      rawBody: JSON.stringify({ pad: 'x'.repeat(600_000) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses missing, malformed, tampered and expired tokens', async () => {
    const token = await t.signIn('member@northshire.example');
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as { roles: string[] };
    claims.roles = ['admin'];
    const tampered = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    expect((await t.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { headers: { authorization: 'Token abc' } })).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { token: tampered })).status).toBe(401);
    t.clock.advance(16 * 60 * 1000);
    const expired = await t.request('GET', '/api/auth/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.json()).toMatchObject({ detail: expect.stringContaining('expired') });
    t.clock.advance(-16 * 60 * 1000);
  });

  it("keeps a token's tenant: the same email on another board is a different caller", async () => {
    const identity = t.app.get(IdentityService);
    const other = await identity.createTenant('southvale', 'Southvale Borough Council Corporate Parenting Board');
    await identity.createStaffUser({
      tenantId: other.id,
      email: 'chair@northshire.example',
      displayName: 'Another chair',
      password: 'southvale-password-1',
      roles: ['chair'],
    });
    const theirs = await t.signIn('chair@northshire.example', 'southvale-password-1', 'southvale');
    const ours = await t.signIn('chair@northshire.example');
    const whoTheirs = (await t.request('GET', '/api/auth/me', { token: theirs })).json<{ tenantId: string }>();
    const whoOurs = (await t.request('GET', '/api/auth/me', { token: ours })).json<{ tenantId: string }>();
    expect(whoTheirs.tenantId).toBe(other.id);
    expect(whoOurs.tenantId).not.toBe(other.id);
  });

  it('sends security headers: our own scripts only, nothing may frame a page, no sniffing', async () => {
    for (const path of ['/staff/sign-in', '/api/health', '/api/auth/me']) {
      const response = await t.request('GET', path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('answers unknown routes with 404 problem details', async () => {
    const response = await t.request('GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('publishes an OpenAPI document', async () => {
    const response = await t.request('GET', '/api/docs/openapi.json');
    expect(response.status).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in', '/api/auth/me', '/api/health']),
    );
  });

  it('never logs emails, passwords or tokens', async () => {
    await t.signIn('clerk@northshire.example');
    const logs = t.logs();
    expect(logs).toContain('"route":"/api/auth/sign-in"');
    expect(logs).not.toContain('clerk@northshire.example');
    expect(logs).not.toContain('demo-board-2026');
    expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });
});
