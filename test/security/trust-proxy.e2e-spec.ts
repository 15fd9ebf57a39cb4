// Issue 17, item 6: rate limits bypassed by X-Forwarded-For. The api believed any client's X-Forwarded-For,
// so a client that reached it directly named a new address on every request and was never limited (428
// receipt-code guesses a second). X-Forwarded-For is now believed only from the proxies in TRUST_PROXY
// (none by default), with the real defaults: 120 receipt-code calls a minute per address and route.
import { startTestApp, type TestApp } from '../support/test-app.js';

const LIMIT = 120;
const guess = (i: number) => ({ receiptCode: `AAAA-AAAA-AAAA-${String(1000 + i)}-A` });

async function guessCodes(t: TestApp, count: number, forwardedFor: (i: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await t.request('POST', '/api/public/views/check', {
      body: guess(i),
      headers: { 'x-forwarded-for': forwardedFor(i) },
    });
    statuses.push(response.status);
  }
  return statuses;
}

/** A different (documentation or private range) address for each i. */
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

describe('X-Forwarded-For with the default settings (no proxy trusted)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => t?.close());

  it('trusts no proxy unless told', () => {
    expect(t.config.TRUST_PROXY).toBe(false);
  });

  it('still answers 429 to a code guesser who sends a different X-Forwarded-For with each attempt', async () => {
    const statuses = await guessCodes(t, LIMIT + 1, addressOf);
    expect(statuses.slice(0, LIMIT).every((s) => s !== 429)).toBe(true);
    expect(statuses[LIMIT]).toBe(429);
    // And every further attempt, whatever address it claims.
    const more = await guessCodes(t, 5, (i) => addressOf(100_000 + i));
    expect(more).toEqual(Array(5).fill(429));
  }, 60_000);
});

describe('X-Forwarded-For from a proxy named in TRUST_PROXY (127.0.0.1: the test client)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => t?.close());

  it("counts by the forwarded address: one client's limit does not hold up another", async () => {
    const statuses = await guessCodes(t, LIMIT + 1, () => '203.0.113.9');
    expect(statuses.slice(0, LIMIT).every((s) => s !== 429)).toBe(true);
    expect(statuses[LIMIT]).toBe(429);
    const other = await guessCodes(t, 1, () => '198.51.100.20');
    expect(other[0]).not.toBe(429);
  }, 60_000);

  it('believes only the hop the proxy added: addresses the client wrote before it change nothing', async () => {
    // A client behind the proxy sends its own X-Forwarded-For; the proxy appends the address it saw.
    const statuses = await guessCodes(t, 3, (i) => `${addressOf(200_000 + i)}, 203.0.113.9`);
    expect(statuses).toEqual([429, 429, 429]);
  });
});
