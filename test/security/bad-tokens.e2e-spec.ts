// Issue 7's bad tokens: forged, stale and altered session tokens sent to a route every staff role may
// call. The test knows the app's real signing secret, so "right key, wrong claim" cases are real.
import { SignJWT } from 'jose';
import { IdentityService } from '#identity';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SECRET = 'the-real-token-secret-of-this-test-app-0123456789';
const WRONG = 'a-secret-that-is-not-the-apps-own-0123456789abcdef';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('security: bad session tokens are refused', () => {
  let t: TestApp;
  let valid: string;
  let claims: { sub: string; tid: string; roles: string[] };

  beforeAll(async () => {
    t = await startTestApp({ CPB_TOKEN_SECRET: SECRET, RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    valid = await t.signIn('member@northshire.example');
    const [, payload] = valid.split('.');
    claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as typeof claims;
  });

  afterAll(async () => {
    await t?.close();
  });

  /** A token as the app would issue it, with some of it changed. */
  async function sign(
    options: { key?: string; alg?: string; aud?: string; iss?: string; exp?: number; iat?: number } = {},
  ): Promise<string> {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    return new SignJWT({ tid: claims.tid, roles: claims.roles })
      .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(options.iss ?? 'cpb')
      .setAudience(options.aud ?? 'cpb-api')
      .setIssuedAt(options.iat ?? now)
      .setExpirationTime(options.exp ?? now + 600)
      .sign(new TextEncoder().encode(options.key ?? SECRET));
  }

  it('accepts none of alg none, a wrong key, another algorithm, expired, wrong audience or issuer, or a tampered payload', async () => {
    const [header, payload, signature] = valid.split('.') as [string, string, string];
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const bad: Record<string, string> = {
      'alg none': `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      'alg none, signature kept': `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`,
      'wrong key': await sign({ key: WRONG }),
      'HS512 with the right key (not on the allow-list)': await sign({ alg: 'HS512' }),
      expired: await sign({ iat: now - 3600, exp: now - 60 }),
      'wrong audience': await sign({ aud: 'someone-else' }),
      'wrong issuer': await sign({ iss: 'not-cpb' }),
      'payload tampered (member made admin)': `${header}.${b64url({ ...claims, roles: ['admin'] })}.${signature}`,
      'signature stripped': `${header}.${payload}.`,
      'not a JWT': 'definitely-not-a-token',
    };
    // The valid token works, so a refusal below is the token's fault, not the route's.
    expect((await t.request('GET', '/api/auth/me', { token: valid })).status).toBe(200);
    // And so does one this test signs with nothing changed: each case below differs from it in one thing.
    expect((await t.request('GET', '/api/auth/me', { token: await sign() })).status).toBe(200);
    const accepted: string[] = [];
    for (const [name, token] of Object.entries(bad)) {
      const me = await t.request('GET', '/api/auth/me', { token });
      const admin = await t.request('GET', '/api/staff/voice-settings', { token });
      if (me.status !== 401 || admin.status !== 401) accepted.push(`${name}: ${me.status}/${admin.status}`);
      expect(me.json()).toMatchObject({ status: 401, type: expect.any(String) });
      expect(me.text).not.toMatch(/at .*\.(js|ts):\d+/);
    }
    console.log(`bad tokens: ${Object.keys(bad).length} kinds sent, ${accepted.length} accepted`);
    expect(accepted).toEqual([]);
  });

  it('locks a disabled user out at their next request, though their token has not expired', async () => {
    const token = await t.signIn('officer@northshire.example');
    const me = await t.request('GET', '/api/auth/me', { token });
    expect(me.status).toBe(200);
    const { userId, tenantId } = me.json<{ userId: string; tenantId: string }>();
    const disabledAt = performance.now();
    await t.app.get(IdentityService).disable(userId, tenantId);
    const after = await t.request('GET', '/api/auth/me', { token });
    const seconds = (performance.now() - disabledAt) / 1000;
    expect(after.status).toBe(401);
    // The user is read on every request: the figure is the time to the next request, not a token's life.
    console.log(`disabled user locked out: at the next request (${seconds.toFixed(3)} s after disabling)`);
  });
});
