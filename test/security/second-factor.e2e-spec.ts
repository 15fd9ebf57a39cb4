// Issue 7: a TOTP second factor for every local staff account that can read a child's words (every
// role can: decision influence shows shared words to all of them), and lockout with back-off on
// repeated failures. The app runs with SECOND_FACTOR=required, as in production.
import { IdentityService, STAFF_ROLES, TokenService, totpCode } from '#identity';
import { DEMO_USERS } from '#demo';
import { startTestApp, type HttpResponse, type TestApp } from '../support/test-app.js';

const PASSWORD = 'demo-board-2026';
const CHAIR = 'chair@northshire.example';

describe('security: second factor and lockout', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      SECOND_FACTOR: 'required',
      RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000',
      SIGN_IN_LOCKOUT_AFTER: '5',
      SIGN_IN_LOCKOUT_SECONDS: '30',
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const signIn = (email: string, password = PASSWORD, code?: string): Promise<HttpResponse> =>
    t.request('POST', '/api/auth/sign-in', {
      body: { tenant: 'northshire', email, password, ...(code ? { code } : {}) },
    });

  /** Sets up a second factor for `email` through the API; returns its secret. */
  async function setUp(email: string): Promise<string> {
    const first = await signIn(email);
    expect(first.json()).toMatchObject({ secondFactor: 'set-up' });
    const token = first.json<{ token: string }>().token;
    const begun = await t.request('POST', '/api/auth/second-factor', { token });
    expect(begun.status).toBe(200);
    const { secret } = begun.json<{ secret: string }>();
    const confirmed = await t.request('POST', '/api/auth/second-factor/confirm', {
      token,
      body: { code: totpCode(secret, t.clock.now()) },
    });
    expect(confirmed.status).toBe(200);
    return secret;
  }

  it('asks every role to set one up, and a set-up token opens nothing else', async () => {
    const needing: string[] = [];
    for (const role of STAFF_ROLES) {
      const email = DEMO_USERS.find((user) => user.role === role)!.email;
      const answer = await signIn(email);
      expect(answer.status).toBe(200);
      if (answer.json<{ secondFactor: string }>().secondFactor === 'set-up') needing.push(role);
      const token = answer.json<{ token: string }>().token;
      const elsewhere = await t.request('GET', '/api/auth/me', { token });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.json<{ detail: string }>().detail).toContain('Set up your second factor first');
    }
    console.log(`second factor: ${needing.length} of ${STAFF_ROLES.length} roles must set one up before anything else`);
    expect(needing).toEqual([...STAFF_ROLES]);
  });

  it('sets one up with an authenticator app: a secret, its otpauth address and QR code, then a first code', async () => {
    const token = (await signIn(CHAIR)).json<{ token: string }>().token;
    const begun = (await t.request('POST', '/api/auth/second-factor', { token })).json<{
      secret: string;
      otpauthUri: string;
      qrCodeSvg: string;
    }>();
    expect(begun.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(begun.qrCodeSvg).toMatch(/^<svg/);
    const wrong = await t.request('POST', '/api/auth/second-factor/confirm', { token, body: { code: '000000' } });
    expect(wrong.status).toBe(422);
    const malformed = await t.request('POST', '/api/auth/second-factor/confirm', { token, body: { code: 'abc' } });
    expect(malformed.status).toBe(400);
    const confirmed = await t.request('POST', '/api/auth/second-factor/confirm', {
      token,
      body: { code: totpCode(begun.secret, t.clock.now()) },
    });
    expect(confirmed.status).toBe(200);
    const session = confirmed.json<{ token: string }>().token;
    expect((await t.request('GET', '/api/auth/me', { token: session })).status).toBe(200);
    // Set up once: a second attempt is refused, so nobody holding a session can swap the secret.
    expect((await t.request('POST', '/api/auth/second-factor', { token: session })).status).toBe(409);
  });

  it('needs the code at each sign-in, and a code works once', async () => {
    const email = 'clerk@northshire.example';
    const secret = await setUp(email);
    t.clock.advance(30_000);
    const missing = await signIn(email);
    expect(missing.status).toBe(401);
    expect(missing.json()).toMatchObject({ type: '/problems/second-factor-required' });
    const code = totpCode(secret, t.clock.now());
    const good = await signIn(email, PASSWORD, code);
    expect(good.status).toBe(200);
    expect(good.json()).toMatchObject({ secondFactor: 'used' });
    expect((await t.request('GET', '/api/auth/me', { token: good.json<{ token: string }>().token })).status).toBe(200);
    const replayed = await signIn(email, PASSWORD, code);
    expect(replayed.status).toBe(401);
    expect(replayed.json()).toMatchObject({ type: '/problems/second-factor-refused' });
    // A right code with a wrong password says nothing about the code.
    t.clock.advance(30_000);
    const wrongPassword = await signIn(email, 'not-the-password', totpCode(secret, t.clock.now()));
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.json()).toMatchObject({ type: '/problems/unauthenticated' });
  });

  it('refuses a session opened with a password alone while a second factor is required', async () => {
    const passwordOnly = await t.app
      .get(TokenService)
      .issue({ userId: await userId(CHAIR), tenantId: await tenantId(), roles: ['chair'], methods: ['pwd'] });
    const answer = await t.request('GET', '/api/auth/me', { token: passwordOnly.token });
    expect(answer.status).toBe(401);
    expect(answer.json<{ detail: string }>().detail).toContain('requires a second factor');
  });

  it("lets the board's admin reset a lost second factor", async () => {
    const email = 'member@northshire.example';
    await setUp(email);
    const adminSecret = await setUp('admin@northshire.example');
    t.clock.advance(30_000);
    const admin = (await signIn('admin@northshire.example', PASSWORD, totpCode(adminSecret, t.clock.now()))).json<{
      token: string;
    }>().token;
    const member = (await signIn(email)).json(); // 401: needs the code
    expect(member).toMatchObject({ type: '/problems/second-factor-required' });
    const reset = await t.request('POST', `/api/staff/${await userId(email)}/second-factor/reset`, { token: admin });
    expect(reset.status).toBe(204);
    expect((await signIn(email)).json()).toMatchObject({ secondFactor: 'set-up' });
    const unknown = await t.request('POST', '/api/staff/no-such-user/second-factor/reset', { token: admin });
    expect(unknown.status).toBe(404);
  });

  it('locks an account after 5 failures in a row, doubling the wait, whether or not the account exists', async () => {
    const email = 'officer@northshire.example';
    const nobody = 'nobody@northshire.example';
    for (const who of [email, nobody]) {
      for (let attempt = 1; attempt <= 5; attempt++) expect((await signIn(who, 'wrong-password-1')).status).toBe(401);
    }
    // Locked now: even the right password is not looked at, and the answer is the same for a stranger.
    const locked = await signIn(email);
    const stranger = await signIn(nobody);
    for (const answer of [locked, stranger]) {
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('30');
      expect(answer.json()).toMatchObject({ type: '/problems/sign-in-locked', retryAfterSeconds: 30 });
    }
    // Another account is not affected.
    expect((await signIn('moderator@northshire.example')).status).toBe(200);
    // After the wait, one more failure locks again for twice as long.
    t.clock.advance(31_000);
    expect((await signIn(email, 'wrong-password-2')).status).toBe(401);
    const again = await signIn(email);
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('60');
    t.clock.advance(61_000);
    expect((await signIn(email)).status).toBe(200);
    // A success clears the count: four more failures do not lock.
    for (let attempt = 1; attempt <= 4; attempt++) expect((await signIn(email, 'wrong-password-3')).status).toBe(401);
    expect((await signIn(email)).status).toBe(200);
    console.log('lockout: locked after 5 failures in a row for 30 s, then 60 s; the same answer for an unknown email');
  });

  it('counts wrong codes as failures too', async () => {
    const email = 'auditor@northshire.example';
    const secret = await setUp(email);
    t.clock.advance(30_000);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await signIn(email, PASSWORD, '000000')).status).toBe(401);
    }
    expect((await signIn(email, PASSWORD, totpCode(secret, t.clock.now()))).status).toBe(429);
  });

  async function tenantId(): Promise<string> {
    return (await t.app.get(IdentityService).tenantBySlug('northshire'))!.id;
  }

  async function userId(email: string): Promise<string> {
    return (await t.app.get(IdentityService).activeUserIdByEmail(await tenantId(), email))!;
  }
});
