import { createHash } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Rate limits per client address and route (docs/adr/0009-rate-limits.md), over real HTTP. The test client
// stands in for the proxy (TRUST_PROXY=127.0.0.1), so each test client names its own (documentation-range)
// address in X-Forwarded-For. test/security/trust-proxy.e2e-spec.ts: without TRUST_PROXY the header is ignored.

const BEHIND_PROXY = { TRUST_PROXY: '127.0.0.1' };
const PLAIN = 'Lots of people are using this right now. Please try again in a minute.';
const GUESSER = '203.0.113.58';
const COLLEAGUE = '198.51.100.164';
// A different email each time: one account's own lockout (5 failures, docs/adr/0011) is another guard.
const wrong = (i: number) => ({
  tenant: 'northshire',
  email: `guess-${i}@northshire.example`,
  password: 'not-the-password',
});
const right = { tenant: 'northshire', email: 'chair@northshire.example', password: 'demo-board-2026' };

function from(address: string): Record<string, string> {
  return { 'x-forwarded-for': address };
}

describe('rate limits with the real defaults', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(BEHIND_PROXY);
  }, 60_000);
  afterAll(async () => t?.close());

  it('answers sign-in 429 after 10 attempts a minute from one address, as a problem with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await t.request('POST', '/api/auth/sign-in', { body: wrong(i), headers: from(GUESSER) })).status);
    }
    expect(statuses).toEqual(Array(10).fill(401));
    // Even the right password now waits: the limit is on attempts, not failures.
    const limited = await t.request('POST', '/api/auth/sign-in', { body: right, headers: from(GUESSER) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toEqual({
      type: '/problems/rate-limited',
      title: 'Too many requests',
      status: 429,
      detail: PLAIN,
      instance: '/api/auth/sign-in',
    });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.text).not.toContain(GUESSER);
  }, 60_000);

  it('keeps each address its own limit: a colleague elsewhere still signs in', async () => {
    const colleague = await t.request('POST', '/api/auth/sign-in', { body: right, headers: from(COLLEAGUE) });
    expect(colleague.status).toBe(200);
    expect((await t.request('POST', '/api/auth/sign-in', { body: right, headers: from(GUESSER) })).status).toBe(429);
  });

  it('guards receipt codes against guessing: 120 checks a minute per address, then 429', async () => {
    const guesser = from('192.0.2.77');
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) {
      const code = `AAAA-AAAA-AAAA-${String(1000 + i)}-A`;
      statuses.push(
        (await t.request('POST', '/api/public/views/check', { body: { receiptCode: code }, headers: guesser })).status,
      );
    }
    expect(statuses.slice(0, 120).every((s) => s !== 429)).toBe(true);
    expect(statuses[120]).toBe(429);
    // Another young person checking their own code is not held up by the guesser.
    const other = await t.request('POST', '/api/public/views/check', {
      body: { receiptCode: 'AAAA-AAAA-AAAA-AAAA-A' },
      headers: from('192.0.2.78'),
    });
    expect(other.status).not.toBe(429);
  }, 60_000);

  it('guards codes typed into the "Check my view" page with the same limit: 120 a minute per address, then the too-many page', async () => {
    const guesser = from('192.0.2.79');
    const page = await t.request('GET', '/check', { headers: { accept: 'text/html', ...guesser } });
    // The form's CSRF token and this browser's cookie for it, as a browser would send them back.
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const post = (code: string, address: Record<string, string>) =>
      t.request('POST', '/check', {
        rawBody: `_csrf=${encodeURIComponent(token)}&receiptCode=${code}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie, ...address },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await post(`AAAA-AAAA-AAAA-${String(1000 + i)}-A`, guesser)).status);
    // Each wrong code is answered (after the redirect) with the form and its error, until the limit.
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    const limited = await post('AAAA-AAAA-AAAA-AAAA-A', guesser);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('text/html');
    expect(limited.text).not.toContain('AAAA-AAAA-AAAA-AAAA-A');
    // Another young person checking their own code is not held up by the guesser.
    expect((await post('AAAA-AAAA-AAAA-AAAA-A', from('192.0.2.80'))).status).toBe(200);
  }, 60_000);

  it('names each route its limit and gives signed-in routes the generous default', async () => {
    const token = await t.signIn('member@northshire.example');
    const cases: Array<[string, string, number, object | undefined]> = [
      ['GET', '/api/auth/me', 1200, undefined],
      ['GET', '/api/public/boards/northshire/calls', 600, undefined],
      ['GET', '/api/public/boards/northshire/you-said-we-did', 600, undefined],
    ];
    for (const [method, path, limit] of cases) {
      const response = await t.request(method, path, { token, headers: from('192.0.2.90') });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBe(String(limit));
    }
  });

  it('never writes a client address, nor its hashed key, to the logs', async () => {
    const logs = t.logs();
    expect(logs).toContain('"status":429');
    for (const address of [GUESSER, COLLEAGUE, '192.0.2.77', '192.0.2.78', '192.0.2.79', '192.0.2.80', '192.0.2.90']) {
      expect(logs).not.toContain(address);
      // The limiter's key for this address on sign-in (a SHA-256 of route and address).
      const key = createHash('sha256').update(`POST /api/auth/sign-in\n${address}`).digest('hex');
      expect(logs).not.toContain(key);
    }
    expect(logs.toLowerCase()).not.toContain('x-forwarded-for');
    expect(logs).not.toMatch(/remoteAddress|"ip"/);
  });
});

describe('a Children in Care Council session: many young people behind one address, with an invite code', () => {
  let t: TestApp;
  let clerk: string;
  const codes = '/api/staff/voice-settings/invite-codes';
  const giveFrom = (address: string, text: string, inviteCode?: string) =>
    t.request('POST', '/api/public/boards/northshire/views', {
      body: inviteCode === undefined ? { text } : { text, inviteCode },
      headers: from(address),
    });
  /** `count` views from one address; the statuses answered. */
  async function session(address: string, count: number, inviteCode?: string): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      statuses.push((await giveFrom(address, `What we said at the session, ${i + 1}.`, inviteCode)).status);
    }
    return statuses;
  }
  async function issue(label: string): Promise<{ codeId: string; inviteCode: string }> {
    const issued = await t.request('POST', codes, { token: clerk, body: { label } });
    expect(issued.status).toBe(201);
    return issued.json<{ codeId: string; inviteCode: string }>();
  }

  beforeAll(async () => {
    // The real defaults: 30 views a minute per address, 300 per invite code.
    t = await startTestApp(BEHIND_PROXY);
    clerk = await t.signIn('clerk@northshire.example');
  }, 60_000);
  afterAll(async () => t?.close());

  it('accepts 40 views in a minute from one address with a valid invite code, counted against the code', async () => {
    const { inviteCode } = await issue('March CiCC session');
    const statuses = await session('198.51.100.30', 40, inviteCode);
    expect(statuses).toEqual(Array(40).fill(201));
    // The code's own limit: generous, and named in the answer.
    const next = await giveFrom('198.51.100.30', 'One more from the session.', inviteCode);
    expect(next.status).toBe(201);
    expect(next.headers.get('x-ratelimit-limit')).toBe('300');
    expect(next.headers.get('x-ratelimit-remaining')).toBe('259');
    // The same room without the code is still one address: it has its own 30, unspent.
    expect((await giveFrom('198.51.100.30', 'Without the code.')).headers.get('x-ratelimit-limit')).toBe('30');
  }, 60_000);

  it('refuses the 31st view of a minute from one address without an invite code (429)', async () => {
    const statuses = await session('198.51.100.31', 31);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(201));
    expect(statuses[30]).toBe(429);
  }, 60_000);

  it.each([
    ['a made-up code', '198.51.100.32', async () => 'AAAA-BBBB-CCCC'],
    ['a malformed code', '198.51.100.33', async () => 'not a code at all'],
    [
      'a revoked code',
      '198.51.100.34',
      async () => {
        const { codeId, inviteCode } = await issue('Cancelled session');
        const revoked = await t.request('POST', `${codes}/${codeId}/revoke`, { token: clerk, body: {} });
        expect(revoked.status).toBe(200);
        return inviteCode;
      },
    ],
  ])(
    'gives %s no way round the per-address limit: the 31st is 429',
    async (_, address, code) => {
      const inviteCode = await code();
      const statuses = await session(address, 31, inviteCode);
      expect(statuses.slice(0, 30)).toEqual(Array(30).fill(201));
      expect(statuses[30]).toBe(429);
    },
    60_000,
  );

  it('gives an expired code no way round it either', async () => {
    const issued = await t.request('POST', codes, {
      token: clerk,
      body: { label: 'Yesterday’s session', expiresOn: '2026-03-02' },
    });
    expect(issued.status).toBe(201);
    const { inviteCode } = issued.json<{ inviteCode: string }>();
    // The next day in London (the clock is fixed): the code has expired.
    t.clock.set(new Date('2026-03-03T10:00:00Z'));
    const statuses = await session('198.51.100.35', 31, inviteCode);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(201));
    expect(statuses[30]).toBe(429);
  }, 60_000);
});

describe('rate limits over a short window (configured for this test)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      ...BEHIND_PROXY,
      RATE_LIMIT_WINDOW_SECONDS: '2',
      RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '3',
      RATE_LIMIT_INVITE_CODE_SUBMISSIONS_PER_MINUTE: '5',
    });
  }, 60_000);
  afterAll(async () => t?.close());

  it('lets a client give views again once the window has passed', async () => {
    const client = from('203.0.113.200');
    const give = (text: string) =>
      t.request('POST', '/api/public/boards/northshire/views', { body: { text }, headers: client });
    for (let i = 0; i < 3; i++) expect((await give(`view ${i}`)).status).toBe(201);
    const limited = await give('one too many');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 200));
    expect((await give('after the window')).status).toBe(201);
  }, 30_000);

  it('counts an invite code’s views together, from every address, against its own configured limit', async () => {
    const clerk = await t.signIn('clerk@northshire.example');
    const issued = await t.request('POST', '/api/staff/voice-settings/invite-codes', {
      token: clerk,
      body: { label: 'Two rooms, one code' },
    });
    const { inviteCode } = issued.json<{ inviteCode: string }>();
    const give = (address: string, i: number) =>
      t.request('POST', '/api/public/boards/northshire/views', {
        body: { text: `view ${i}`, inviteCode },
        headers: from(address),
      });
    const statuses: number[] = [];
    // Five a window for the code (configured), whichever address the views come from.
    for (let i = 0; i < 6; i++) statuses.push((await give(i % 2 === 0 ? '203.0.113.201' : '203.0.113.202', i)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  }, 30_000);
});
