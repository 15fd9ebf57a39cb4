import { EVENT_STORE, ProjectionRunner, type EventStore, type RecordedEvent } from '#event-store';
import type { ProtectedEventStore } from '../../libs/event-store/src/protected-event-store.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A young person's side of a view over real HTTP: no account, a receipt code shown once, checked and
// acted on by that code alone, never in a URL or a log, and their words never stored in plain text.

const CODE_FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/;
const VIEW = 'Placement moves should come with a week of warning, not a day. Zebra-lantern-4471.';
const HARM = 'My foster carer hits me and I want to kill myself. Quartz-meadow-9902.';

describe('young people give and follow a view by receipt code', () => {
  let t: TestApp;
  const paths: string[] = [];
  const codes: string[] = [];

  beforeAll(async () => {
    // The test client stands in for the proxy (TRUST_PROXY) so that it can name two young people's addresses.
    t = await startTestApp({ TRUST_PROXY: '127.0.0.1' });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  async function call(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
    paths.push(path);
    return t.request(method, path, { body, headers });
  }

  async function give(body: Record<string, unknown>) {
    const response = await call('POST', '/api/public/boards/northshire/views', body);
    if (response.status === 201) codes.push(response.json<{ receiptCode: string }>().receiptCode);
    return response;
  }

  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  const store = () => t.app.get(EVENT_STORE) as ProtectedEventStore;

  async function eventsOfView(text: string): Promise<RecordedEvent[]> {
    const all = await (store() as EventStore).readAll({ filter: { streamPrefixes: ['contribution-'] } });
    const submitted = all.find(
      (e) => e.type === 'ContributionSubmitted' && (e.data as { text: string }).text === text.trim(),
    );
    if (!submitted) return [];
    return all.filter((e) => e.stream === submitted.stream);
  }

  it('answers 201 with a receipt code in the display format and plain next steps, nothing else', async () => {
    const response = await give({ text: VIEW, themes: ['placements'], ageBand: '12-15', careStatus: 'in-care' });
    expect(response.status).toBe(201);
    const body = response.json<Record<string, string>>();
    expect(body.receiptCode).toMatch(CODE_FORMAT);
    expect(Object.keys(body).sort()).toEqual(['receiptCode', 'whatHappensNext']);
    expect(body.whatHappensNext).toMatch(/receipt code/i);
    const events = await eventsOfView(VIEW);
    expect(events.map((e) => e.type)).toEqual(['ContributionSubmitted']);
    // Only the hash of the code is stored, and the sharing default is the most private choice.
    const data = events[0]!.data as Record<string, unknown>;
    expect(data.sharing).toBe('summary-only');
    expect(JSON.stringify(data)).not.toContain(body.receiptCode.replaceAll('-', ''));
    expect(data.receiptCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(data.channel).toBe('online');
  });

  it('finds the view by its code, typed exactly or in lower case with spaces, in the body or a header', async () => {
    await caughtUp();
    const code = codes[0]!;
    const exact = await call('POST', '/api/public/views/check', { receiptCode: code });
    expect(exact.status).toBe(200);
    const view = exact.json<{ status: string; sharing: string; journey: Array<{ step: string }> }>();
    expect(view.status).toBe('submitted');
    expect(view.sharing).toBe('summary-only');
    expect(view.journey.map((s) => s.step)).toEqual(['submitted']);

    const sloppy = code.toLowerCase().replaceAll('-', ' ');
    const typed = await call('POST', '/api/public/views/check', { receiptCode: sloppy });
    expect(typed.status).toBe(200);
    expect(typed.json()).toEqual(exact.json());

    const header = await call('POST', '/api/public/views/check', {}, { 'x-receipt-code': code });
    expect(header.status).toBe(200);
    expect(header.json()).toEqual(exact.json());
  });

  it('a view that discloses harm looks the same to its author but is escalated, never accepted', async () => {
    const response = await give({ text: HARM });
    expect(response.status).toBe(201);
    expect(Object.keys(response.json()).sort()).toEqual(['receiptCode', 'whatHappensNext']);
    const types = (await eventsOfView(HARM)).map((e) => e.type);
    expect(types).toEqual(['ContributionSubmitted', 'ContributionEscalatedForSafeguarding']);
    expect(types).not.toContain('ContributionAccepted');
    // What it is told at the moment of sending is what every view is told: no "has been read", no promise
    // of contact to an anonymous author, and what they can do now.
    const ordinary = await give({ text: 'Contact visits should be at weekends. Orchid-9.' });
    const next = response.json<{ whatHappensNext: string }>().whatHappensNext;
    expect(next).toBe(ordinary.json<{ whatHappensNext: string }>().whatHappensNext);
    expect(next).not.toMatch(/has been read|in touch/i);
    for (const help of ['A worker reads every view', 'Childline free on 0800 1111', 'call 999', 'an adult you trust']) {
      expect(next).toContain(help);
    }

    await caughtUp();
    const harmCode = codes[codes.length - 2]!;
    const check = await call('POST', '/api/public/views/check', { receiptCode: harmCode });
    expect(check.status).toBe(200);
    expect(check.text).not.toMatch(/escalat|safeguard|has been read|in touch/i);
    const view = check.json<{
      status: string;
      journey: Array<{ step: string; words: string }>;
      whatHappensNext: string;
    }>();
    expect(view.status).toBe('submitted');
    const plain = (await call('POST', '/api/public/views/check', { receiptCode: codes[codes.length - 1] })).json<
      typeof view
    >();
    expect(view.journey.map((s) => [s.step, s.words])).toEqual(plain.journey.map((s) => [s.step, s.words]));
    expect(view.whatHappensNext).toBe(plain.whatHappensNext);

    // Once the safeguarding lead has read it, its author is told so, and what they can do now.
    const lead = await t.signIn('safeguarding@northshire.example');
    let caseId: string | undefined;
    for (let i = 0; i < 100 && !caseId; i++) {
      const queue = (await t.request('GET', '/api/safeguarding/queue', { token: lead })).json<
        Array<{ text: string | null; case: { caseId: string } | null }>
      >();
      caseId = queue.find((c) => c.text === HARM)?.case?.caseId;
      if (!caseId) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(caseId).toBeDefined();
    const acknowledged = await t.request('POST', `/api/safeguarding/cases/${caseId}/acknowledge`, {
      token: lead,
      body: {},
    });
    expect(acknowledged.status).toBeLessThan(300);
    await caughtUp();
    const read = await call('POST', '/api/public/views/check', { receiptCode: harmCode });
    expect(read.text).not.toMatch(/escalat|safeguard|in touch/i);
    const reviewed = read.json<typeof view>();
    expect(reviewed.status).toBe('under-review');
    expect(reviewed.journey.at(-1)!.words).toBe('A worker has read your view.');
    expect(reviewed.whatHappensNext).toContain('We do not know who you are, so we cannot contact you.');
    expect(reviewed.whatHappensNext).toContain('Childline free on 0800 1111');
  });

  it('the author changes how the view is shared, proven by the code alone', async () => {
    const code = codes[0]!;
    const changed = await call('POST', '/api/public/views/sharing', { receiptCode: code, sharing: 'anonymised' });
    expect(changed.status).toBe(200);
    const types = (await eventsOfView(VIEW)).map((e) => e.type);
    expect(types).toEqual(['ContributionSubmitted', 'ContributionSharingChanged']);
    await caughtUp();
    const check = await call('POST', '/api/public/views/check', { receiptCode: code });
    expect(check.json<{ sharing: string }>().sharing).toBe('anonymised');

    const bad = await call('POST', '/api/public/views/sharing', { receiptCode: code, sharing: 'everyone' });
    expect(bad.status).toBe(400);
  });

  it('answering without a question waiting is refused and changes nothing', async () => {
    const before = (await eventsOfView(VIEW)).length;
    const answer = await call('POST', '/api/public/views/answer', { receiptCode: codes[0], text: 'More words.' });
    expect(answer.status).toBe(422);
    expect((await eventsOfView(VIEW)).length).toBe(before);
  });

  it('refuses bad author requests with 400 or 404 and writes nothing', async () => {
    const head = await store().raw.headPosition();
    const code = codes[0]!;
    const slip = code.slice(0, 3) + (code[3] === '7' ? '8' : '7') + code.slice(4);
    const cases: Array<[string, Record<string, unknown>, number]> = [
      ['answer', { receiptCode: code, text: '' }, 400],
      ['answer', { receiptCode: code, text: 'x'.repeat(5001) }, 400],
      ['sharing', { receiptCode: code }, 400],
      ['sharing', { receiptCode: slip, sharing: 'verbatim' }, 400],
      ['withdraw', { receiptCode: slip }, 400],
      ['withdraw', { receiptCode: '0000-0000-0000-0000-0' }, 404],
      ['withdraw', {}, 400],
    ];
    for (const [route, body, expected] of cases) {
      const response = await call('POST', `/api/public/views/${route}`, body);
      expect([route, response.status]).toEqual([route, expected]);
    }
    expect(await store().raw.headPosition()).toBe(head);
  });

  it('the author withdraws the view, and the check shows it', async () => {
    const code = codes[0]!;
    const withdrawn = await call('POST', '/api/public/views/withdraw', {}, { 'x-receipt-code': code });
    expect(withdrawn.status).toBe(200);
    expect((await eventsOfView(VIEW)).map((e) => e.type).at(-1)).toBe('ContributionWithdrawn');
    await caughtUp();
    const check = await call('POST', '/api/public/views/check', { receiptCode: code });
    expect(check.json<{ status: string }>().status).toBe('withdrawn');
  });

  it('an unknown code is 404, a mistyped one 400 asking to check it, a missing one 400', async () => {
    // All zeros is well formed (its check symbol is 0) but no code is ever given out as it.
    const unknown = await call('POST', '/api/public/views/check', { receiptCode: '0000-0000-0000-0000-0' });
    expect(unknown.status).toBe(404);
    expect(unknown.json<{ type: string }>().type).toBe('/problems/not-found');

    // Swapping two neighbouring symbols (or changing one) always fails the check symbol.
    const code = codes[0]!;
    const swapped =
      code[0] === code[1] ? code.replace(code[0]!, code[0] === 'A' ? 'B' : 'A') : code[1]! + code[0]! + code.slice(2);
    const mistyped = await call('POST', '/api/public/views/check', { receiptCode: swapped });
    expect(mistyped.status).toBe(400);
    expect(mistyped.text).toMatch(/check it/i);
    expect(mistyped.text).not.toContain(swapped);

    const missing = await call('POST', '/api/public/views/check', {});
    expect(missing.status).toBe(400);
  });

  it('refuses bad bodies with 400 and writes nothing', async () => {
    const head = await store().raw.headPosition();
    for (const body of [
      { text: '' },
      { text: 'x'.repeat(5001) },
      { text: '   ' },
      { text: 'fine', channel: 'advocate' },
      { text: 'fine', sharing: 'everyone' },
      { text: 'fine', unexpected: true },
      {},
    ]) {
      const response = await call('POST', '/api/public/boards/northshire/views', body);
      expect(response.status).toBe(400);
    }
    const unknownBoard = await call('POST', '/api/public/boards/nowhere/views', { text: 'fine' });
    expect(unknownBoard.status).toBe(404);
    expect(await store().raw.headPosition()).toBe(head);
  });

  it('a retry with the same Idempotency-Key gets the same working code and writes the view once', async () => {
    const text = 'The bus pass should last all year. Retry-harbour-5120.';
    const headers = { 'idempotency-key': 'phone-retry-0001' };
    const first = await call('POST', '/api/public/boards/northshire/views', { text }, headers);
    const again = await call('POST', '/api/public/boards/northshire/views', { text }, headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    const code = first.json<{ receiptCode: string }>().receiptCode;
    expect(again.json<{ receiptCode: string }>().receiptCode).toBe(code);
    expect((await eventsOfView(text)).map((e) => e.type)).toEqual(['ContributionSubmitted']);
    await caughtUp();
    expect((await call('POST', '/api/public/views/check', { receiptCode: code })).status).toBe(200);
    // Another key is another view, with another code.
    const other = await call(
      'POST',
      '/api/public/boards/northshire/views',
      { text: 'Another view entirely.' },
      {
        'idempotency-key': 'phone-retry-0002',
      },
    );
    expect(other.json<{ receiptCode: string }>().receiptCode).not.toBe(code);
    codes.push(code, other.json<{ receiptCode: string }>().receiptCode);
  });

  it('a view at the maximum length (5,000 characters) is accepted', async () => {
    expect((await give({ text: 'y'.repeat(5000) })).status).toBe(201);
  });

  it('answers 429 after 30 submissions a minute from one address, without locking out anyone else', async () => {
    // Two young people behind different addresses (the app trusts its proxy's X-Forwarded-For).
    const first = { 'x-forwarded-for': '203.0.113.41' };
    const second = { 'x-forwarded-for': '198.51.100.73' };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await call('POST', '/api/public/boards/northshire/views', { text: `view ${i}` }, first)).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
    const limited = await call('POST', '/api/public/boards/northshire/views', { text: 'one more' }, first);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({
      type: '/problems/rate-limited',
      status: 429,
      detail: 'Lots of people are using this right now. Please try again in a minute.',
    });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The same board, another address: the first client's drained limit is theirs alone.
    expect((await call('POST', '/api/public/boards/northshire/views', { text: 'mine' }, second)).status).toBe(201);
  }, 60_000);

  it('never puts a receipt code or a view in a log or a URL, nor a view in plain text in the store', async () => {
    const logs = t.logs();
    expect(logs.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(logs).not.toContain(code);
      expect(logs).not.toContain(code.replaceAll('-', ''));
      for (const path of paths) expect(path).not.toContain(code);
    }
    // No address or user agent of whoever gave a view is logged.
    const requestLines = logs.split('\n').filter((l) => l.includes('/api/public'));
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) {
      expect(line).not.toMatch(/remoteAddress|remotePort|"ip"|hostname|user-agent|userAgent/i);
    }
    expect(logs.toLowerCase()).not.toContain('user-agent');
    for (const secret of ['Zebra-lantern-4471', 'Quartz-meadow-9902']) {
      expect(logs).not.toContain(secret);
      for (const path of paths) expect(path).not.toContain(secret);
    }
    const raw = JSON.stringify(
      await store().raw.readAll({ filter: { streamPrefixes: ['contribution-'] } }),
      (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
    );
    expect(raw).toContain('ContributionSubmitted');
    expect(raw).not.toContain('Zebra-lantern-4471');
    expect(raw).not.toContain('Quartz-meadow-9902');
    expect(raw).not.toContain('Placement moves');
  });
});
