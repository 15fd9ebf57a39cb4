import { randomUUID } from 'node:crypto';
import { BoardStreams, ProjectionRunner, type CommandContext } from '#event-store';
import { IdentityService } from '#identity';
import { BoardAggregates } from '../../libs/board/src/commands/board-aggregates.js';
import { boardStream, meetingDecider, meetingStream } from '../../libs/board/src/domain/index.js';
import { startTestApp, type HttpResponse, type TestApp } from '../support/test-app.js';
import { Callers, codeOf, fieldsOf, streamEvents, streamLength, type Role } from './governance-support.js';

type Who = Role | 'other-clerk' | 'other-chair' | undefined;

const OTHER = { slug: 'southvale', password: 'southvale-password-1' };
const START = new Date('2026-03-02T09:00:00.000Z');

const BOARD = {
  name: 'Northshire Corporate Parenting Board',
  council: 'Northshire County Council',
  jurisdiction: 'england',
  quorum: 3,
  termsOfReference: 'To hold the council to account as corporate parent of the children in its care.',
};

describe('board governance through HTTP: membership and the meeting cycle', () => {
  let t: TestApp;
  let callers: Callers;
  let tenantId: string;
  let board: string;

  const send = (who: Who, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    t.request(method, path, { token: who ? callers.token(who) : undefined, body, headers });

  /** Sends a request that must be refused with `status`, and checks that the stream did not change. */
  async function refused(stream: string, status: number, request: () => Promise<HttpResponse>): Promise<HttpResponse> {
    const before = await streamLength(t, stream);
    const response = await request();
    expect([response.status, response.text]).toEqual([status, expect.any(String)]);
    expect(await streamLength(t, stream)).toBe(before);
    return response;
  }

  async function ok(response: Promise<HttpResponse>, status = 200): Promise<Record<string, unknown>> {
    const answered = await response;
    expect([answered.status, answered.text]).toEqual([status, expect.any(String)]);
    return answered.json();
  }

  beforeAll(async () => {
    // Signs in as many roles from one address: more than the real 10 sign-ins a minute.
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    const identity = t.app.get(IdentityService);
    tenantId = (await identity.tenantBySlug('northshire'))!.id;
    board = boardStream(tenantId);
    const other = await identity.createTenant(OTHER.slug, 'Southvale Borough Council Corporate Parenting Board');
    for (const role of ['clerk', 'chair'] as const) {
      await identity.createStaffUser({
        tenantId: other.id,
        email: `${role}@${OTHER.slug}.example`,
        displayName: `Southvale ${role}`,
        password: OTHER.password,
        roles: [role],
      });
    }
    callers = new Callers(t, OTHER);
    await callers.signInAll();
  });
  afterAll(async () => t.close());

  // Members appointed below, used by the meetings.
  const members: Record<'chair' | 'b' | 'c' | 'd' | 'e', string> = { chair: '', b: '', c: '', d: '', e: '' };

  describe('board membership', () => {
    it('configures the board for the clerk, with the standard themes and principles; the same again records nothing', async () => {
      const first = await ok(send('clerk', 'PUT', '/api/board', BOARD));
      expect(first).toEqual({ id: tenantId, revision: '0', duplicate: false, events: ['BoardConfigured'] });
      const [configured] = await streamEvents(t, board);
      const principles = (configured!.data.principles as Array<{ code: string }>).map((p) => p.code);
      expect(principles).toHaveLength(7);
      expect(principles).toEqual(expect.arrayContaining(['express-views', 'take-views-into-account']));
      expect((configured!.data.themes as unknown[]).length).toBeGreaterThan(10);

      const again = await ok(send('admin', 'PUT', '/api/board', BOARD));
      expect(again).toMatchObject({ revision: null, duplicate: false, events: [] });
      expect(await streamLength(t, board)).toBe(1);
    });

    it('refuses the configuration to other roles (403) and to anonymous callers (401), writing nothing', async () => {
      const changed = { ...BOARD, quorum: 4 };
      for (const role of ['chair', 'member', 'officer', 'auditor', 'moderator'] as const) {
        await refused(board, 403, () => send(role, 'PUT', '/api/board', changed));
      }
      await refused(board, 401, () => send(undefined, 'PUT', '/api/board', changed));
    });

    it('answers a malformed configuration with 400 naming each field, writing nothing', async () => {
      const bad = await refused(board, 400, () =>
        send('clerk', 'PUT', '/api/board', {
          ...BOARD,
          jurisdiction: 'scotland',
          quorum: 1,
          themes: [{ code: 'Not A Code', label: '' }],
          chairsName: 'x',
        }),
      );
      expect(fieldsOf(bad)).toEqual(['chairsName', 'jurisdiction', 'quorum', 'themes.0.code', 'themes.0.label']);
      // Well-formed tags, but the same code twice: the decider refuses what the edge cannot see.
      const twice = await refused(board, 400, () =>
        send('clerk', 'PUT', '/api/board', {
          ...BOARD,
          themes: [
            { code: 'health', label: 'Health' },
            { code: 'health', label: 'Health again' },
          ],
        }),
      );
      expect(fieldsOf(twice)).toEqual(['themes']);
    });

    it('appoints members for the clerk and the admin (201 with the new member id); refuses other roles', async () => {
      const appoint = async (who: Role, name: string, role: string, appointedOn: string) => {
        const body = await ok(send(who, 'POST', '/api/board/members', { name, role, appointedOn }), 201);
        expect(body).toMatchObject({ id: tenantId, duplicate: false, events: ['MemberAppointed'] });
        expect(body.memberId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        return body.memberId as string;
      };
      members.chair = await appoint('clerk', 'Cllr Priya Shah', 'chair', '2026-01-01');
      members.b = await appoint('admin', 'Cllr Tom Evans', 'councillor', '2026-01-01');
      members.c = await appoint('clerk', 'Cllr Jo Reid', 'councillor', '2026-01-01');
      members.d = await appoint('clerk', 'Jordan', 'young-person-representative', '2026-01-01');
      // Serves from 1 April: used to show the membership is taken on the meeting's London date.
      members.e = await appoint('clerk', 'Dana Okafor', 'officer', '2026-04-01');
      expect(new Set(Object.values(members)).size).toBe(5);

      const body = { name: 'Someone', role: 'partner', appointedOn: '2026-01-01' };
      for (const role of ['chair', 'member', 'officer', 'auditor'] as const) {
        await refused(board, 403, () => send(role, 'POST', '/api/board/members', body));
      }
      await refused(board, 401, () => send(undefined, 'POST', '/api/board/members', body));

      // The read side shows them (the board overview is the read-model module's projection).
      await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 10_000 });
      const overview = await ok(send('member', 'GET', '/api/board'));
      expect(overview).toMatchObject({ configured: true, quorum: 3, jurisdiction: 'england' });
      const listed = (overview.members as Array<{ memberId: string }>).map((m) => m.memberId);
      expect(listed).toEqual(expect.arrayContaining(Object.values(members)));
    });

    it('refuses a second chair and a member already serving (422), and malformed appointments (400), writing nothing', async () => {
      const chair = await refused(board, 422, () =>
        send('clerk', 'POST', '/api/board/members', { name: 'Cllr Other', role: 'chair', appointedOn: '2026-02-01' }),
      );
      expect(codeOf(chair)).toBe('chair-already-serving');
      const serving = await refused(board, 422, () =>
        send('clerk', 'POST', '/api/board/members', {
          memberId: members.b,
          name: 'Cllr Tom Evans',
          role: 'councillor',
          appointedOn: '2026-02-01',
        }),
      );
      expect(codeOf(serving)).toBe('member-already-serving');
      const malformed = await refused(board, 400, () =>
        send('clerk', 'POST', '/api/board/members', { name: '', role: 'king', appointedOn: '1 March' }),
      );
      expect(fieldsOf(malformed)).toEqual(['appointedOn', 'name', 'role']);
      // Shaped like a date but no such day: the decider's check.
      const noSuchDay = await refused(board, 400, () =>
        send('clerk', 'POST', '/api/board/members', { name: 'X', role: 'partner', appointedOn: '2026-02-30' }),
      );
      expect(fieldsOf(noSuchDay)).toEqual(['appointedOn']);
    });

    it('stands a member down and re-appoints them later, keeping every term', async () => {
      const path = `/api/board/members/${members.c}/stand-down`;
      await refused(board, 403, () => send('chair', 'POST', path, { on: '2026-04-15', reason: 'End of term' }));
      const missing = await refused(board, 400, () => send('clerk', 'POST', path, { on: '2026-04-15' }));
      expect(fieldsOf(missing)).toEqual(['reason']);
      const early = await refused(board, 422, () =>
        send('clerk', 'POST', path, { on: '2025-12-31', reason: 'Mistake' }),
      );
      expect(codeOf(early)).toBe('stand-down-before-appointment');

      expect(await ok(send('clerk', 'POST', path, { on: '2026-04-15', reason: 'End of term' }))).toMatchObject({
        events: ['MemberStoodDown'],
      });
      const twice = await refused(board, 422, () => send('clerk', 'POST', path, { on: '2026-04-16', reason: 'Again' }));
      expect(codeOf(twice)).toBe('member-not-serving');
      await refused(board, 404, () =>
        send('clerk', 'POST', `/api/board/members/${randomUUID()}/stand-down`, { on: '2026-04-15', reason: 'x' }),
      );

      await ok(
        send('clerk', 'POST', '/api/board/members', {
          memberId: members.c,
          name: 'Cllr Jo Reid',
          role: 'co-opted',
          appointedOn: '2026-05-01',
        }),
        201,
      );
      const state = await t.app.get(BoardAggregates).board(tenantId);
      expect(state.members[members.c]!.terms).toEqual([
        { role: 'councillor', appointedOn: '2026-01-01', stoodDownOn: '2026-04-15' },
        { role: 'co-opted', appointedOn: '2026-05-01' },
      ]);
    });

    it('answers a retried appointment (same Idempotency-Key) with its first answer and writes nothing', async () => {
      const headers = { 'Idempotency-Key': `appoint-${randomUUID()}` };
      const body = { name: 'Sam Partner', role: 'partner', appointedOn: '2026-01-01' };
      const first = await ok(send('clerk', 'POST', '/api/board/members', body, headers), 201);
      const length = await streamLength(t, board);
      const second = await ok(send('clerk', 'POST', '/api/board/members', body, headers), 201);
      expect(first.duplicate).toBe(false);
      expect(second).toEqual({ ...first, duplicate: true });
      expect(await streamLength(t, board)).toBe(length);
    });
  });

  // Meetings: m1 runs the whole cycle; m2 gives late notice; m3 is cancelled; m4/m5 straddle midnight in London.
  let m1 = '';
  let m2 = '';
  let m5 = '';
  const items: Record<'x' | 'y' | 'z', string> = { x: '', y: '', z: '' };
  const meeting = (id: string) => `/api/meetings/${id}`;
  const schedule = async (startsAt: string, title = 'Corporate Parenting Board') =>
    (await ok(send('clerk', 'POST', '/api/meetings', { title, startsAt, place: 'Committee Room 1' }), 201))
      .meetingId as string;

  describe('preparing a meeting', () => {
    it('schedules a meeting for the clerk (201 with its id), offering the standing items, with the board’s facts', async () => {
      const body = await ok(
        send('clerk', 'POST', '/api/meetings', {
          title: 'March board',
          startsAt: '2026-03-17T18:00:00Z',
          endsAt: '2026-03-17T20:00:00Z',
          place: 'Committee Room 1, County Hall',
          onlineLink: 'https://meet.example/cpb-march',
        }),
        201,
      );
      m1 = body.meetingId as string;
      expect(body).toEqual({
        meetingId: m1,
        id: m1,
        revision: '4',
        duplicate: false,
        events: ['MeetingScheduled', 'AgendaItemAdded', 'AgendaItemAdded', 'AgendaItemAdded', 'AgendaItemAdded'],
      });
      const [scheduled] = await streamEvents(t, meetingStream(m1));
      expect(scheduled!.data).toMatchObject({ jurisdiction: 'england', quorum: 3, startsAt: '2026-03-17T18:00:00Z' });
      expect(scheduled!.data.principles).toEqual(expect.arrayContaining(['express-views']));
    });

    it('refuses scheduling to the chair, members and auditors (403) and to anonymous callers (401), writing nothing', async () => {
      const meetingId = randomUUID();
      const body = { meetingId, title: 'Not allowed', startsAt: '2026-04-20T18:00:00Z', place: 'Room' };
      for (const role of ['chair', 'member', 'officer', 'auditor', 'moderator'] as const) {
        await refused(meetingStream(meetingId), 403, () => send(role, 'POST', '/api/meetings', body));
      }
      await refused(meetingStream(meetingId), 401, () => send(undefined, 'POST', '/api/meetings', body));
      expect(await streamLength(t, meetingStream(meetingId))).toBe(0);
    });

    it('answers malformed meetings with 400 naming the fields, writing nothing', async () => {
      const meetingId = randomUUID();
      const stream = meetingStream(meetingId);
      const shape = await refused(stream, 400, () =>
        send('clerk', 'POST', '/api/meetings', {
          meetingId,
          startsAt: 'next Tuesday',
          onlineLink: 'http://insecure.example',
          agendaSecret: true,
        }),
      );
      expect(fieldsOf(shape)).toEqual(['agendaSecret', 'onlineLink', 'startsAt', 'title']);
      const base = { meetingId, title: 'T', startsAt: '2026-04-20T18:00:00Z' };
      const backwards = await refused(stream, 400, () =>
        send('clerk', 'POST', '/api/meetings', { ...base, place: 'Room', endsAt: '2026-04-20T17:00:00Z' }),
      );
      expect(fieldsOf(backwards)).toEqual(['endsAt']);
      const nowhere = await refused(stream, 400, () => send('clerk', 'POST', '/api/meetings', base));
      expect(fieldsOf(nowhere)).toEqual(['place']);
    });

    it('answers a retried schedule (same Idempotency-Key) as a duplicate of the same meeting, writing nothing', async () => {
      const headers = { 'Idempotency-Key': `schedule-${randomUUID()}` };
      const body = { title: 'April board', startsAt: '2026-04-21T18:00:00Z', place: 'Room 2' };
      const first = await ok(send('clerk', 'POST', '/api/meetings', body, headers), 201);
      const second = await ok(send('clerk', 'POST', '/api/meetings', body, headers), 201);
      expect(second).toEqual({ ...first, duplicate: true });
      expect(await streamLength(t, meetingStream(first.meetingId as string))).toBe(5);
      const another = await ok(send('clerk', 'POST', '/api/meetings', body), 201);
      expect(another.meetingId).not.toBe(first.meetingId);
    });

    it('reschedules before the meeting opens; only the chair may give a reason for urgency', async () => {
      const path = `${meeting(m1)}/reschedule`;
      const moved = await ok(
        send('clerk', 'POST', path, { startsAt: '2026-03-18T18:00:00Z', reason: 'Room unavailable' }),
      );
      expect(moved).toMatchObject({ id: m1, events: ['MeetingRescheduled'] });
      const events = await streamEvents(t, meetingStream(m1));
      // The venue is kept when neither place nor link is sent.
      expect(events.at(-1)!.data).toMatchObject({
        startsAt: '2026-03-18T18:00:00Z',
        place: 'Committee Room 1, County Hall',
      });
      await refused(meetingStream(m1), 403, () =>
        send('clerk', 'POST', path, { startsAt: '2026-03-19T18:00:00Z', urgencyReason: 'Said so' }),
      );
      await refused(meetingStream(m1), 403, () => send('member', 'POST', path, { startsAt: '2026-03-19T18:00:00Z' }));
      const bad = await refused(meetingStream(m1), 400, () => send('clerk', 'POST', path, { startsAt: '19/03/2026' }));
      expect(fieldsOf(bad)).toEqual(['startsAt']);
    });

    it('adds agenda items with the board’s tags and papers (201 with the item id)', async () => {
      const path = `${meeting(m1)}/agenda-items`;
      const x = await ok(
        send('clerk', 'POST', path, {
          title: 'Placement sufficiency',
          purpose: 'decision',
          lead: 'Director of Children’s Services',
          themes: ['placement-stability'],
          principles: ['safe-and-stable'],
          papers: [{ title: 'Sufficiency report', link: 'https://northshire.example/papers/sufficiency.pdf' }],
        }),
        201,
      );
      expect(x).toMatchObject({ id: m1, events: ['AgendaItemAdded'] });
      items.x = x.itemId as string;
      // The chair may add items too (before publication, no reason needed).
      const y = await ok(
        send('chair', 'POST', path, {
          title: 'Care leavers’ accommodation',
          purpose: 'discussion',
          lead: 'Head of Leaving Care',
          restricted: true,
          papers: [{ title: 'Exempt report', fileRef: 'uploads/exempt-report-7' }],
        }),
        201,
      );
      items.y = y.itemId as string;
      const added = (await streamEvents(t, meetingStream(m1))).at(-1)!;
      expect(added.data).toMatchObject({ itemId: items.y, restricted: true, standing: false, themes: [] });
      await refused(meetingStream(m1), 403, () =>
        send('officer', 'POST', path, { title: 'T', purpose: 'information', lead: 'L' }),
      );
    });

    it('refuses an item tagged outside the board’s vocabulary (422) and malformed items (400), writing nothing', async () => {
      const path = `${meeting(m1)}/agenda-items`;
      const item = { title: 'T', purpose: 'information', lead: 'L' };
      const unknown = await refused(meetingStream(m1), 422, () =>
        send('clerk', 'POST', path, { ...item, themes: ['not-a-board-theme'] }),
      );
      expect(codeOf(unknown)).toBe('unknown-theme');
      const shape = await refused(meetingStream(m1), 400, () =>
        send('clerk', 'POST', path, { ...item, purpose: 'vote', restricted: 'yes', note: 'x' }),
      );
      expect(fieldsOf(shape)).toEqual(['note', 'purpose', 'restricted']);
      const both = await refused(meetingStream(m1), 400, () =>
        send('clerk', 'POST', path, { ...item, papers: [{ title: 'P', link: 'https://a.example/p', fileRef: 'f' }] }),
      );
      expect(fieldsOf(both)).toEqual(['papers']);
    });

    it('withdraws an item and reorders the agenda; refuses an order that is not the whole agenda (422)', async () => {
      const withdraw = `${meeting(m1)}/agenda-items/apologies/withdraw`;
      await refused(meetingStream(m1), 403, () => send('chair', 'POST', withdraw, {}));
      expect(await ok(send('clerk', 'POST', withdraw, { reason: 'Taken with declarations' }))).toMatchObject({
        events: ['AgendaItemWithdrawn'],
      });
      const again = await refused(meetingStream(m1), 422, () => send('clerk', 'POST', withdraw));
      expect(codeOf(again)).toBe('agenda-item-withdrawn');

      const path = `${meeting(m1)}/agenda-order`;
      const order = [
        'declarations-of-interest',
        'minutes-of-last-meeting',
        items.x,
        'voice-of-children-and-young-people',
        items.y,
      ];
      expect(await ok(send('clerk', 'PUT', path, { itemIds: order }))).toMatchObject({ events: ['AgendaReordered'] });
      const state = await t.app.get(BoardAggregates).meeting(tenantId, m1);
      expect(state.agenda.filter((i) => !i.withdrawn).map((i) => i.itemId)).toEqual(order);

      const short = await refused(meetingStream(m1), 422, () =>
        send('clerk', 'PUT', path, { itemIds: order.slice(1) }),
      );
      expect(codeOf(short)).toBe('agenda-order-mismatch');
      const withWithdrawn = await refused(meetingStream(m1), 422, () =>
        send('clerk', 'PUT', path, { itemIds: [...order, 'apologies'] }),
      );
      expect(codeOf(withWithdrawn)).toBe('agenda-order-mismatch');
      const empty = await refused(meetingStream(m1), 400, () => send('clerk', 'PUT', path, { itemIds: [] }));
      expect(fieldsOf(empty)).toEqual(['itemIds']);
      await refused(meetingStream(m1), 403, () => send('member', 'PUT', path, { itemIds: order }));
    });

    it('publishes the agenda for the chair only, recording the notice given on London dates', async () => {
      const path = `${meeting(m1)}/publish-agenda`;
      await refused(meetingStream(m1), 403, () => send('clerk', 'POST', path, {}));
      expect(await ok(send('chair', 'POST', path, {}))).toMatchObject({ events: ['AgendaPublished'] });
      const published = (await streamEvents(t, meetingStream(m1))).at(-1)!;
      expect(published.data).toMatchObject({
        publishedOn: '2026-03-02',
        meetingOn: '2026-03-18',
        clearWorkingDays: 11,
        requiredClearWorkingDays: 5,
        latestOn: '2026-03-10',
      });
      expect(published.data.urgencyReason).toBeUndefined();
      const again = await refused(meetingStream(m1), 422, () => send('chair', 'POST', path, {}));
      expect(again.json()).toMatchObject({
        status: 422,
        type: '/problems/agenda-already-published',
        meetingStatus: 'agenda-published',
      });
    });

    it('takes a further item after publication only with the chair’s reason for urgency', async () => {
      const path = `${meeting(m1)}/agenda-items`;
      const item = { title: 'Ofsted focused visit letter', purpose: 'information', lead: 'Director' };
      const late = await refused(meetingStream(m1), 422, () => send('clerk', 'POST', path, item));
      expect(codeOf(late)).toBe('late-agenda-item');
      await refused(meetingStream(m1), 403, () =>
        send('clerk', 'POST', path, { ...item, urgencyReason: 'The letter arrived yesterday' }),
      );
      const z = await ok(send('chair', 'POST', path, { ...item, urgencyReason: 'The letter arrived yesterday' }), 201);
      items.z = z.itemId as string;
      expect((await streamEvents(t, meetingStream(m1))).at(-1)!.data).toMatchObject({
        itemId: items.z,
        urgencyReason: 'The letter arrived yesterday',
      });
    });

    it('refuses an agenda published too late (422 late-agenda, by the fixed clock) unless the chair gives a reason', async () => {
      m2 = await schedule('2026-03-16T18:00:00Z', 'Short-notice board');
      const path = `${meeting(m2)}/publish-agenda`;
      try {
        // Monday 9 March: only four clear working days before Monday 16 March.
        t.clock.set(new Date('2026-03-09T09:00:00.000Z'));
        await callers.signInAll();
        const late = await refused(meetingStream(m2), 422, () => send('chair', 'POST', path, {}));
        expect(late.json()).toMatchObject({
          type: '/problems/late-agenda',
          latestOn: '2026-03-08',
          clearWorkingDays: 4,
          requiredClearWorkingDays: 5,
        });
        const urgent = await ok(send('chair', 'POST', path, { urgencyReason: 'Budget decision due before Cabinet' }));
        expect(urgent).toMatchObject({ events: ['AgendaPublished'] });
        expect((await streamEvents(t, meetingStream(m2))).at(-1)!.data).toMatchObject({
          publishedOn: '2026-03-09',
          clearWorkingDays: 4,
          urgencyReason: 'Budget decision due before Cabinet',
        });
      } finally {
        t.clock.set(START);
        await callers.signInAll();
      }
    });

    it('cancels a meeting with a reason; a cancelled meeting takes no more items', async () => {
      const m3 = await schedule('2026-05-12T18:00:00Z');
      const path = `${meeting(m3)}/cancel`;
      await refused(meetingStream(m3), 403, () => send('chair', 'POST', path, { reason: 'No quorum expected' }));
      const noReason = await refused(meetingStream(m3), 400, () => send('clerk', 'POST', path, {}));
      expect(fieldsOf(noReason)).toEqual(['reason']);
      expect(await ok(send('admin', 'POST', path, { reason: 'No quorum expected' }))).toMatchObject({
        events: ['MeetingCancelled'],
      });
      const after = await refused(meetingStream(m3), 422, () =>
        send('clerk', 'POST', `${meeting(m3)}/agenda-items`, { title: 'T', purpose: 'information', lead: 'L' }),
      );
      expect(codeOf(after)).toBe('meeting-cancelled');
    });
  });

  describe('running the meeting', () => {
    /** The fixed clock moves on (never back): tokens last 15 minutes of it, so everyone signs in again. */
    const clockTo = async (at: string) => {
      t.clock.set(new Date(at));
      await callers.signInAll();
    };

    it('refuses to open a meeting before its day (422 before-meeting-day, in the rule’s words), writing nothing', async () => {
      // Still 2 March by the fixed clock; m1 is on Wednesday 18 March.
      const attendance = [
        { memberId: members.chair, status: 'present' },
        { memberId: members.b, status: 'present' },
        { memberId: members.c, status: 'present' },
      ];
      const early = await refused(meetingStream(m1), 422, () =>
        send('chair', 'POST', `${meeting(m1)}/open`, { attendance }),
      );
      expect(early.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(early.json()).toEqual({
        type: '/problems/before-meeting-day',
        title: expect.any(String),
        status: 422,
        detail: 'This meeting is on Wednesday 18 March 2026: it can be opened on that day, not before.',
        instance: '/api/meetings/:meetingId/open',
        meetingOn: '2026-03-18',
        today: '2026-03-02',
      });
      // The evening before, London time, is still too early.
      await clockTo('2026-03-17T23:59:00Z');
      const eve = await refused(meetingStream(m1), 422, () =>
        send('chair', 'POST', `${meeting(m1)}/open`, { attendance }),
      );
      expect(codeOf(eve)).toBe('before-meeting-day');
    });

    it('opens the meeting for the chair with attendance; substitutes count; the quorum is the board’s', async () => {
      // The meeting's day, a few minutes before it is called to start.
      await clockTo('2026-03-18T17:55:00Z');
      const path = `${meeting(m1)}/open`;
      const substitute = randomUUID();
      const attendance = [
        { memberId: members.chair, status: 'present' },
        { memberId: members.b, status: 'present' },
        { memberId: members.c, status: 'apologies' },
        { memberId: substitute, status: 'substitute', substituteFor: members.d },
      ];
      await refused(meetingStream(m1), 403, () => send('clerk', 'POST', path, { attendance }));
      const shape = await refused(meetingStream(m1), 400, () =>
        send('chair', 'POST', path, { attendance: [{ memberId: members.b, status: 'late' }] }),
      );
      expect(fieldsOf(shape)).toEqual(['attendance.0.status']);
      const noWhom = await refused(meetingStream(m1), 400, () =>
        send('chair', 'POST', path, { attendance: [{ memberId: substitute, status: 'substitute' }] }),
      );
      expect(fieldsOf(noWhom)).toEqual(['attendance']);
      const stranger = await refused(meetingStream(m1), 422, () =>
        send('chair', 'POST', path, { attendance: [{ memberId: randomUUID(), status: 'present' }] }),
      );
      expect(codeOf(stranger)).toBe('not-a-member');
      // Appointed from 1 April: not yet a member on 18 March.
      const notYet = await refused(meetingStream(m1), 422, () =>
        send('chair', 'POST', path, { attendance: [...attendance, { memberId: members.e, status: 'present' }] }),
      );
      expect(notYet.json()).toMatchObject({ type: '/problems/not-a-member', memberId: members.e });

      expect(await ok(send('chair', 'POST', path, { attendance }))).toMatchObject({ events: ['MeetingOpened'] });
      expect((await streamEvents(t, meetingStream(m1))).at(-1)!.data).toMatchObject({
        quorum: 3,
        presentCount: 3,
        quorate: true,
      });
      const again = await refused(meetingStream(m1), 422, () => send('chair', 'POST', path, { attendance }));
      expect(codeOf(again)).toBe('meeting-already-opened');
    });

    it('takes the membership on the meeting’s London date: 23:30 GMT on 31 March is already 1 April in London', async () => {
      // 22:30Z is 23:30 on 31 March in London (BST): the April member does not serve yet.
      const m4 = await schedule('2026-03-31T22:30:00Z');
      await ok(send('chair', 'POST', `${meeting(m4)}/publish-agenda`, {}));
      m5 = await schedule('2026-03-31T23:30:00Z');
      await ok(send('chair', 'POST', `${meeting(m5)}/publish-agenda`, {}));
      // Both are opened on m5's day (00:30 on 1 April in London): m4's day has come too.
      await clockTo('2026-03-31T23:30:00Z');
      const attendance = [
        { memberId: members.e, status: 'present' },
        { memberId: members.chair, status: 'present' },
      ];
      const refusedE = await refused(meetingStream(m4), 422, () =>
        send('chair', 'POST', `${meeting(m4)}/open`, { attendance }),
      );
      expect(refusedE.json()).toMatchObject({ type: '/problems/not-a-member', memberId: members.e });

      // 23:30Z is 00:30 on 1 April in London: now they serve. Two present of a quorum of three: inquorate.
      const opened = await ok(
        send('chair', 'POST', `${meeting(m5)}/open`, {
          attendance: [...attendance, { memberId: members.b, status: 'absent' }],
        }),
      );
      expect(opened).toMatchObject({ events: ['MeetingOpened'] });
      expect((await streamEvents(t, meetingStream(m5))).at(-1)!.data).toMatchObject({
        presentCount: 2,
        quorum: 3,
        quorate: false,
      });
    });

    it('records declarations of interest by members present; refuses the absent and the repeated', async () => {
      const path = `${meeting(m1)}/interests`;
      const declaration = { memberId: members.b, itemId: items.x, nature: 'Is a foster carer for the council' };
      await refused(meetingStream(m1), 403, () => send('member', 'POST', path, declaration));
      const shape = await refused(meetingStream(m1), 400, () =>
        send('clerk', 'POST', path, { memberId: members.b, itemId: items.x }),
      );
      expect(fieldsOf(shape)).toEqual(['nature']);
      expect(await ok(send('clerk', 'POST', path, declaration))).toMatchObject({ events: ['InterestDeclared'] });
      const repeated = await refused(meetingStream(m1), 422, () => send('chair', 'POST', path, declaration));
      expect(codeOf(repeated)).toBe('interest-already-declared');
      const absent = await refused(meetingStream(m1), 422, () =>
        send('clerk', 'POST', path, { ...declaration, memberId: members.c }),
      );
      expect(codeOf(absent)).toBe('not-in-attendance');
    });

    it('records minutes per item for the clerk; refuses other roles, unknown items and meetings not yet held', async () => {
      const path = `${meeting(m1)}/minutes`;
      const minutes = { itemId: items.x, text: 'The board considered the sufficiency report and asked questions.' };
      await refused(meetingStream(m1), 403, () => send('chair', 'POST', path, minutes));
      expect(await ok(send('clerk', 'POST', path, minutes))).toMatchObject({ events: ['MinutesRecorded'] });
      const unknown = await refused(meetingStream(m1), 422, () =>
        send('clerk', 'POST', path, { ...minutes, itemId: 'no-such-item' }),
      );
      expect(codeOf(unknown)).toBe('agenda-item-not-found');
      const empty = await refused(meetingStream(m1), 400, () => send('clerk', 'POST', path, { itemId: items.x }));
      expect(fieldsOf(empty)).toEqual(['text']);
      const notHeld = await refused(meetingStream(m2), 422, () =>
        send('clerk', 'POST', `${meeting(m2)}/minutes`, minutes),
      );
      expect(codeOf(notHeld)).toBe('meeting-not-held');

      // A retried request (same Idempotency-Key) records the minutes once.
      const headers = { 'Idempotency-Key': `minutes-${randomUUID()}` };
      const retried = { itemId: items.y, text: 'Discussed in private session.' };
      const first = await ok(send('clerk', 'POST', path, retried, headers));
      const length = await streamLength(t, meetingStream(m1));
      expect(await ok(send('clerk', 'POST', path, retried, headers))).toEqual({ ...first, duplicate: true });
      expect(await streamLength(t, meetingStream(m1))).toBe(length);
    });

    it('closes the meeting for the chair and adjourns another with a reason', async () => {
      await refused(meetingStream(m1), 403, () => send('clerk', 'POST', `${meeting(m1)}/close`));
      expect(await ok(send('chair', 'POST', `${meeting(m1)}/close`))).toMatchObject({ events: ['MeetingClosed'] });
      const again = await refused(meetingStream(m1), 422, () => send('chair', 'POST', `${meeting(m1)}/close`));
      expect(codeOf(again)).toBe('meeting-not-in-progress');
      const cancel = await refused(meetingStream(m1), 422, () =>
        send('clerk', 'POST', `${meeting(m1)}/cancel`, { reason: 'Too late' }),
      );
      expect(codeOf(cancel)).toBe('meeting-already-opened');

      const adjourn = `${meeting(m5)}/adjourn`;
      await refused(meetingStream(m5), 403, () => send('clerk', 'POST', adjourn, { reason: 'Inquorate' }));
      const noReason = await refused(meetingStream(m5), 400, () => send('chair', 'POST', adjourn, {}));
      expect(fieldsOf(noReason)).toEqual(['reason']);
      expect(await ok(send('chair', 'POST', adjourn, { reason: 'Inquorate' }))).toMatchObject({
        events: ['MeetingAdjourned'],
      });
    });
  });

  describe('minutes', () => {
    it('drafts the minutes of a closed meeting for the clerk; refuses a meeting not yet closed', async () => {
      await refused(meetingStream(m1), 403, () => send('chair', 'POST', `${meeting(m1)}/minutes/draft`));
      const notClosed = await refused(meetingStream(m2), 422, () =>
        send('clerk', 'POST', `${meeting(m2)}/minutes/draft`),
      );
      expect(codeOf(notClosed)).toBe('meeting-not-closed');
      expect(await ok(send('clerk', 'POST', `${meeting(m1)}/minutes/draft`))).toMatchObject({
        events: ['MinutesDrafted'],
      });
      const again = await refused(meetingStream(m1), 422, () => send('admin', 'POST', `${meeting(m1)}/minutes/draft`));
      expect(codeOf(again)).toBe('minutes-already-drafted');
    });

    it('publishes minutes only once a later meeting has approved them; approved minutes never change', async () => {
      const path = `${meeting(m1)}/minutes/publish`;
      const early = await refused(meetingStream(m1), 422, () => send('chair', 'POST', path));
      expect(codeOf(early)).toBe('minutes-not-approved');

      // Approval is a decision at the next meeting, owned by the decisions module: applied here directly.
      const context: CommandContext = {
        tenantId,
        actor: { id: 'test-chair', role: 'chair' },
        commandId: randomUUID(),
        correlationId: randomUUID(),
        now: t.clock.now().toISOString(),
      };
      const approval = {
        type: 'ApproveMinutes' as const,
        data: { meetingId: m1, approvedAtMeetingId: m5, decisionId: randomUUID(), corrections: [], at: context.now },
      };
      await t.app.get(BoardStreams).run(meetingDecider, meetingStream(m1), approval, context, { id: m1 });

      await refused(meetingStream(m1), 403, () => send('member', 'POST', path));
      await refused(meetingStream(m1), 403, () => send('admin', 'POST', path));
      expect(await ok(send('clerk', 'POST', path))).toMatchObject({ events: ['MinutesPublished'] });
      const again = await refused(meetingStream(m1), 422, () => send('chair', 'POST', path));
      expect(codeOf(again)).toBe('minutes-already-published');
      const changed = await refused(meetingStream(m1), 422, () =>
        send('clerk', 'POST', `${meeting(m1)}/minutes`, { itemId: items.x, text: 'Rewritten' }),
      );
      expect(codeOf(changed)).toBe('minutes-approved');
    });
  });

  it('documents every governance route in OpenAPI, under the board tag, with bearer auth', async () => {
    const doc = (await t.request('GET', '/api/docs/openapi.json')).json<{
      paths: Record<string, Record<string, { tags?: string[]; security?: unknown[] }>>;
    }>();
    const routes: Array<[string, string]> = [
      ['put', '/api/board'],
      ['post', '/api/board/members'],
      ['post', '/api/board/members/{memberId}/stand-down'],
      ['post', '/api/meetings'],
      ['post', '/api/meetings/{meetingId}/reschedule'],
      ['post', '/api/meetings/{meetingId}/cancel'],
      ['post', '/api/meetings/{meetingId}/agenda-items'],
      ['post', '/api/meetings/{meetingId}/agenda-items/{itemId}/withdraw'],
      ['put', '/api/meetings/{meetingId}/agenda-order'],
      ['post', '/api/meetings/{meetingId}/publish-agenda'],
      ['post', '/api/meetings/{meetingId}/open'],
      ['post', '/api/meetings/{meetingId}/interests'],
      ['post', '/api/meetings/{meetingId}/minutes'],
      ['post', '/api/meetings/{meetingId}/close'],
      ['post', '/api/meetings/{meetingId}/adjourn'],
      ['post', '/api/meetings/{meetingId}/minutes/draft'],
      ['post', '/api/meetings/{meetingId}/minutes/publish'],
    ];
    for (const [method, path] of routes) {
      const operation = doc.paths[path]?.[method];
      expect([method, path, operation?.tags]).toEqual([method, path, ['board']]);
      expect(operation?.security).toEqual([{ bearer: [] }]);
    }
  });

  describe("another board's data", () => {
    it('answers 404 to every command on another board’s meeting, writing nothing', async () => {
      const item = { title: 'T', purpose: 'information', lead: 'L' };
      const attempts: Array<[Who, string, string, unknown]> = [
        ['other-clerk', 'POST', `${meeting(m2)}/reschedule`, { startsAt: '2026-03-20T18:00:00Z' }],
        ['other-clerk', 'POST', `${meeting(m2)}/cancel`, { reason: 'Not ours' }],
        ['other-clerk', 'POST', `${meeting(m2)}/agenda-items`, item],
        ['other-clerk', 'POST', `${meeting(m2)}/agenda-items/apologies/withdraw`, {}],
        ['other-clerk', 'PUT', `${meeting(m2)}/agenda-order`, { itemIds: ['apologies'] }],
        ['other-chair', 'POST', `${meeting(m2)}/publish-agenda`, { urgencyReason: 'x' }],
        ['other-chair', 'POST', `${meeting(m2)}/open`, { attendance: [] }],
        ['other-clerk', 'POST', `${meeting(m1)}/interests`, { memberId: members.b, itemId: items.x, nature: 'n' }],
        ['other-clerk', 'POST', `${meeting(m1)}/minutes`, { itemId: items.x, text: 'x' }],
        ['other-chair', 'POST', `${meeting(m1)}/close`, undefined],
        ['other-chair', 'POST', `${meeting(m1)}/adjourn`, { reason: 'x' }],
        ['other-clerk', 'POST', `${meeting(m1)}/minutes/draft`, undefined],
        ['other-clerk', 'POST', `${meeting(m1)}/minutes/publish`, undefined],
      ];
      for (const [who, method, path, body] of attempts) {
        const id = path.split('/')[3]!;
        const response = await refused(meetingStream(id), 404, () => send(who, method, path, body));
        expect(response.json()).toMatchObject({ type: '/problems/not-found' });
      }
    });

    it('keeps boards apart: scheduling waits for their own configuration, and our ids are not theirs to use', async () => {
      const body = { title: 'Southvale board', startsAt: '2026-04-14T18:00:00Z', place: 'Civic Centre' };
      const unconfigured = await send('other-clerk', 'POST', '/api/meetings', body);
      expect([unconfigured.status, codeOf(unconfigured)]).toEqual([422, 'board-not-configured']);
      await ok(send('other-clerk', 'PUT', '/api/board', { ...BOARD, name: 'Southvale board', jurisdiction: 'wales' }));

      await refused(meetingStream(m1), 404, () =>
        send('other-clerk', 'POST', '/api/meetings', { ...body, meetingId: m1 }),
      );
      await refused(board, 404, () =>
        send('other-clerk', 'POST', `/api/board/members/${members.b}/stand-down`, { on: '2026-04-01', reason: 'x' }),
      );
      const theirs = await ok(send('other-clerk', 'POST', '/api/meetings', body), 201);
      expect((await streamEvents(t, meetingStream(theirs.meetingId as string)))[0]!.data).toMatchObject({
        jurisdiction: 'wales',
      });
    });
  });
});
