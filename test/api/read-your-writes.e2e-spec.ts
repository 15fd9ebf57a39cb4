import { ProjectionRunner } from '#event-store';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Read your own writes (docs/adr/0021-read-your-writes.md): a write answers X-Log-Position; a read sent
// with it as X-Read-After answers only once the read models have passed it.
const POSITION = /^[0-9]{20}(:[0-9]{20})?$/;

const BOARD = {
  name: 'Northshire Corporate Parenting Board',
  council: 'Northshire County Council',
  jurisdiction: 'england',
  quorum: 3,
  termsOfReference: 'To hold the council to account as corporate parent of the children in its care.',
};

const meeting = (title: string) => ({ title, startsAt: '2026-04-21T17:00:00Z', place: 'Committee Room 1' });

describe('read your own writes, projections in-process', () => {
  let t: TestApp;
  let clerk: string;
  beforeAll(async () => {
    t = await startTestApp({ READ_AFTER_WAIT_MS: '1000' });
    clerk = await t.signIn('clerk@northshire.example');
    expect((await t.request('PUT', '/api/board', { token: clerk, body: BOARD })).status).toBe(200);
  });
  afterAll(async () => t.close());

  it('answers a write with its position, and a read sent after it sees the write', async () => {
    const write = await t.request('POST', '/api/meetings', { token: clerk, body: meeting('April board') });
    expect(write.status).toBe(201);
    const position = write.headers.get('x-log-position');
    expect(position).toMatch(POSITION);
    const { meetingId } = write.json<{ meetingId: string }>();

    const read = await t.request('GET', '/api/meetings', { token: clerk, headers: { 'x-read-after': position! } });
    expect(read.status).toBe(200);
    expect(read.json<Array<{ meetingId: string }>>().map((m) => m.meetingId)).toContain(meetingId);
    // A read writes nothing, so it answers no position.
    expect(read.headers.get('x-log-position')).toBeNull();
  });

  it('answers a retried write with its first position, and a later write with a later one', async () => {
    const headers = { 'idempotency-key': 'read-your-writes-retry-1' };
    const first = await t.request('POST', '/api/meetings', { token: clerk, body: meeting('May board'), headers });
    const again = await t.request('POST', '/api/meetings', { token: clerk, body: meeting('May board'), headers });
    expect(again.status).toBe(first.status);
    expect(again.json()).toEqual({ ...first.json(), duplicate: true });
    expect(again.headers.get('x-log-position')).toBe(first.headers.get('x-log-position'));

    const later = await t.request('POST', '/api/meetings', { token: clerk, body: meeting('June board') });
    expect(later.headers.get('x-log-position')! > first.headers.get('x-log-position')!).toBe(true);
  });

  it('answers a write that decided nothing with no position', async () => {
    const same = await t.request('PUT', '/api/board', { token: clerk, body: BOARD });
    expect(same.status).toBe(200);
    expect(same.json()).toMatchObject({ revision: null, events: [] });
    expect(same.headers.get('x-log-position')).toBeNull();
  });

  it("answers a refused write with no position, whether its request or the board's rules refused it", async () => {
    const malformed = await t.request('POST', '/api/meetings', { token: clerk, body: { title: '' } });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('x-log-position')).toBeNull();
    // Past validation, read and refused by the meeting's decider: a meeting not yet open cannot close.
    const scheduled = await t.request('POST', '/api/meetings', { token: clerk, body: meeting('Closing too soon') });
    const { meetingId } = scheduled.json<{ meetingId: string }>();
    const chair = await t.signIn('chair@northshire.example');
    const refused = await t.request('POST', `/api/meetings/${meetingId}/close`, { token: chair, body: {} });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.headers.get('x-log-position')).toBeNull();
  });

  it.each(['yesterday', '42', '00000000000000000001:', '-0000000000000000001', '00000000000000000001; x=1'])(
    'refuses a malformed X-Read-After (%j) with a 400 problem that does not quote it',
    async (value) => {
      const read = await t.request('GET', '/api/meetings', { token: clerk, headers: { 'x-read-after': value } });
      expect(read.status).toBe(400);
      expect(read.headers.get('content-type')).toContain('application/problem+json');
      expect(read.json()).toMatchObject({
        type: '/problems/validation',
        status: 400,
        errors: [{ field: 'X-Read-After' }],
      });
      expect(read.text).not.toContain(value);
    },
  );

  it('waits for a position the log has not reached only so long, then answers 503 with Retry-After', async () => {
    const started = Date.now();
    const read = await t.request('GET', '/api/meetings', {
      token: clerk,
      headers: { 'x-read-after': '99999999999999999999' },
    });
    const took = Date.now() - started;
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('1');
    expect(read.json()).toMatchObject({ type: '/problems/read-after-timeout', status: 503 });
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(5000);
  });
});

describe('read your own writes, projections in another process', () => {
  let t: TestApp;
  let clerk: string;
  beforeAll(async () => {
    // Off: this api runs no projections; its runner, started below, stands in for a projector process.
    t = await startTestApp({ PROJECTIONS: 'off', READ_AFTER_WAIT_MS: '20000' });
    clerk = await t.signIn('clerk@northshire.example');
    expect((await t.request('PUT', '/api/board', { token: clerk, body: BOARD })).status).toBe(200);
  });
  afterAll(async () => {
    await t.app.get(ProjectionRunner).stop();
    await t.close();
  });

  it('holds a read sent after a write until the projector has passed it', async () => {
    const write = await t.request('POST', '/api/meetings', { token: clerk, body: meeting('July board') });
    expect(write.status).toBe(201);
    const position = write.headers.get('x-log-position')!;
    const { meetingId } = write.json<{ meetingId: string }>();

    let settled = false;
    const read = t.request('GET', '/api/meetings', { token: clerk, headers: { 'x-read-after': position } });
    void read.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);

    await t.app.get(ProjectionRunner).start();
    const answer = await read;
    expect(answer.status).toBe(200);
    expect(answer.json<Array<{ meetingId: string }>>().map((m) => m.meetingId)).toContain(meetingId);
  });
});
