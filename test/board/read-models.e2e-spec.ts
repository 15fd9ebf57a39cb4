import { BoardStreams, ProjectionRunner } from '#event-store';
import { IdentityService } from '#identity';
import { DEMO_USERS } from '#demo';
import {
  driveBoardHistory,
  MEMBER_NAMES,
  type BoardHistory,
} from '../../libs/board/src/read-models/board-history.test-scenario.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The board's read side through real HTTP: a history driven through the write path, projected by the
// app's own runner, read back per role and per tenant.
describe('board read models over HTTP', () => {
  let t: TestApp;
  let north: BoardHistory;
  let south: BoardHistory;
  let southToken: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    // Signs in as many roles from one address: more than the real 10 sign-ins a minute.
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    const identity = t.app.get(IdentityService);
    const northId = (await identity.tenantBySlug('northshire'))!.id;
    const other = await identity.createTenant('southmoor', 'Southmoor Corporate Parenting Board');
    await identity.createStaffUser({
      tenantId: other.id,
      email: 'member@southmoor.example',
      displayName: 'Southmoor member',
      password: 'southmoor-password-1',
      roles: ['member'],
    });
    const streams = t.app.get(BoardStreams);
    north = await driveBoardHistory(streams, northId, 'n');
    south = await driveBoardHistory(streams, other.id, 's');
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
    t.clock.set(new Date('2026-06-15T09:00:00Z'));
    for (const user of DEMO_USERS) tokens[user.role] = await t.signIn(user.email);
    southToken = await t.signIn('member@southmoor.example', 'southmoor-password-1', 'southmoor');
  }, 60_000);
  afterAll(async () => t.close());

  const get = (path: string, token = tokens.member) => t.request('GET', path, { token });
  const list = async (path: string, token?: string) => {
    const response = await get(path, token);
    expect(response.status).toBe(200);
    return response.json<Array<Record<string, unknown>>>();
  };

  it('shows the configured board and its members, names decrypted for staff', async () => {
    const response = await get('/api/board');
    expect(response.status).toBe(200);
    const board = response.json<{ name: string; quorum: number; members: Array<{ memberId: string; name: string }> }>();
    expect(board).toMatchObject({ configured: true, name: 'n Corporate Parenting Board', quorum: 3 });
    expect(board.members.find((m) => m.memberId === north.members.youngPerson)?.name).toBe(MEMBER_NAMES.youngPerson);
    expect(board.members).toHaveLength(5);
  });

  it('lists meetings with date and status filters, refusing bad values with 400', async () => {
    const all = await list('/api/meetings');
    expect(all.map((m) => [m.meetingId, m.status])).toEqual([
      [north.meetings.april, 'minutes-published'],
      [north.meetings.june, 'closed'],
      [north.meetings.july, 'cancelled'],
      [north.meetings.september, 'scheduled'],
    ]);
    expect((await list('/api/meetings?status=cancelled')).map((m) => m.meetingId)).toEqual([north.meetings.july]);
    expect((await list('/api/meetings?from=2026-06-01&to=2026-07-31')).map((m) => m.meetingId)).toEqual([
      north.meetings.june,
      north.meetings.july,
    ]);
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      ['to=2026-02-30', 'to'],
      ['from=2026-07-01&to=2026-06-01', 'to'],
      ['status=postponed', 'status'],
      ['colour=red', 'colour'],
    ]) {
      const bad = await get(`/api/meetings?${query}`);
      expect(bad.status).toBe(400);
      expect(bad.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toEqual([field]);
    }
  });

  it('serves the meetings as an iCalendar feed, cancelled meetings marked', async () => {
    const response = await get('/api/meetings/calendar.ics', tokens.auditor);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    expect(response.text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(response.text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const events = response.text.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(4);
    const cancelled = events.filter((e) => e.includes('STATUS:CANCELLED'));
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toContain(`UID:${north.meetings.july}@`);
    expect(Object.values(south.meetings).some((id) => response.text.includes(`UID:${id}@`))).toBe(false);
    expect((await t.request('GET', '/api/meetings/calendar.ics')).status).toBe(401);
  });

  it('shows a meeting in full: agenda, notice, attendance, declarations, minutes, decisions, timeline', async () => {
    const response = await get(`/api/meetings/${north.meetings.april}`);
    expect(response.status).toBe(200);
    const april = response.json<{
      agenda: Array<{ itemId: string; withdrawn: boolean; restricted: boolean; minutes?: { corrected: boolean } }>;
      attendance: { quorate: boolean; presentCount: number };
      declarations: unknown[];
      decisions: Array<{ decisionId: string }>;
      notice: { onTime: boolean };
      minutes: { state: string };
      timeline: unknown[];
    }>();
    expect(april.agenda.at(-1)).toMatchObject({ itemId: 'health-assessments', withdrawn: true });
    expect(april.agenda.find((i) => i.itemId === 'commissioning-costs')?.restricted).toBe(true);
    expect(april.agenda.find((i) => i.itemId === 'placements')?.minutes?.corrected).toBe(true);
    expect(april.attendance).toMatchObject({ quorate: true, presentCount: 3 });
    expect(april.declarations).toHaveLength(1);
    expect(april.notice.onTime).toBe(true);
    expect(april.minutes.state).toBe('published');
    expect(april.decisions.map((d) => d.decisionId)).toEqual([north.decisions.placements, north.decisions.noted]);
    expect(april.timeline).toHaveLength(7);
    expect((await get('/api/meetings/no-such-meeting')).status).toBe(404);
    expect((await get('/api/meetings/bad%20id')).status).toBe(400);
  });

  it('answers the decisions register with its filters, and a decision with its history', async () => {
    const d = north.decisions;
    const ids = async (query: string) => (await list(`/api/decisions?${query}`)).map((x) => x.decisionId);
    expect(await ids('')).toHaveLength(5);
    expect(await ids('theme=placement-stability&voiceEvidence=with')).toEqual([d.amendPlacements, d.placements]);
    expect(await ids('principle=take-views-into-account')).toEqual([d.placements]);
    expect(await ids('influence=considered-not-adopted')).toEqual([d.placements]);
    expect(await ids('voiceEvidence=without&from=2026-06-01')).toEqual([d.commissioning, d.approveMinutes]);
    for (const query of ['influence=ignored', 'voiceEvidence=maybe', 'theme=Not%20A%20Code', 'from=2026-13-01']) {
      expect((await get(`/api/decisions?${query}`)).status).toBe(400);
    }
    const detail = await get(`/api/decisions/${d.placements}`);
    expect(detail.status).toBe(200);
    expect(detail.json()).toMatchObject({
      amended: true,
      citations: [{ influence: 'shaped' }, { influence: 'informed' }, { influence: 'considered-not-adopted' }],
      amendedBy: [{ decisionId: d.amendPlacements }],
      history: [{ event: 'recorded' }, { event: 'amended', relatedDecisionId: d.amendPlacements }],
    });
    const superseded = (await get(`/api/decisions/${d.noted}`)).json();
    expect(superseded).toMatchObject({ superseded: true, supersededByDecision: { decisionId: d.commissioning } });

    // Short references: per board in the order recorded, as the meeting's page numbers them.
    const register = (await list('/api/decisions')) as Array<{ decisionId: string; reference: string }>;
    const reference = new Map(register.map((x) => [x.decisionId, x.reference]));
    expect([...reference.values()].sort()).toEqual(['D-0001', 'D-0002', 'D-0003', 'D-0004', 'D-0005']);
    const april = (await get(`/api/meetings/${north.meetings.april}`)).json<{
      decisions: Array<{ decisionId: string; reference: string }>;
    }>();
    expect(april.decisions.map((x) => [x.decisionId, x.reference])).toEqual([
      [d.placements, 'D-0001'],
      [d.noted, 'D-0002'],
    ]);
    for (const x of april.decisions) expect(reference.get(x.decisionId)).toBe(x.reference);
    expect(detail.json()).toMatchObject({
      reference: 'D-0001',
      amendedBy: [{ decisionId: d.amendPlacements, reference: reference.get(d.amendPlacements) }],
    });
    expect(superseded).toMatchObject({
      reference: 'D-0002',
      supersededByReference: reference.get(d.commissioning),
      supersededByDecision: { reference: reference.get(d.commissioning) },
    });
  });

  it("answers the action log with overdue derived from the app's clock", async () => {
    const a = north.actions;
    const ids = async (query: string) => (await list(`/api/actions?${query}`)).map((x) => x.actionId);
    expect(await ids('status=overdue')).toEqual([a.visit]);
    expect(await ids('status=open')).toEqual([a.visit, a.report]);
    expect(await ids('status=completed')).toEqual([a.guidance]);
    expect(await ids(`owner=${north.members.chair}`)).toEqual([a.visit]);
    expect((await get('/api/actions?status=late')).status).toBe(400);
    const report = await get(`/api/actions/${a.report}`);
    expect(report.json()).toMatchObject({ overdue: false, progress: [{ note: 'Data requested' }] });

    // Later, the report is overdue too: nothing stored changed, only the date.
    t.clock.set(new Date('2026-07-01T09:00:00Z'));
    try {
      const token = await t.signIn('officer@northshire.example');
      const later = await t.request('GET', '/api/actions?status=overdue', { token });
      expect(later.json<Array<{ actionId: string }>>().map((x) => x.actionId)).toEqual([a.visit, a.report]);
    } finally {
      t.clock.set(new Date('2026-06-15T09:00:00Z'));
    }
  });

  it('admits every board reader and refuses the moderator and the safeguarding lead', async () => {
    const paths = [
      '/api/board',
      '/api/meetings',
      '/api/meetings/calendar.ics',
      `/api/meetings/${north.meetings.april}`,
      '/api/decisions',
      `/api/decisions/${north.decisions.placements}`,
      '/api/actions',
      `/api/actions/${north.actions.visit}`,
    ];
    for (const path of paths) {
      for (const role of ['admin', 'clerk', 'chair', 'member', 'officer', 'auditor']) {
        expect([path, role, (await get(path, tokens[role])).status]).toEqual([path, role, 200]);
      }
      for (const role of ['moderator', 'safeguarding-lead']) {
        expect([path, role, (await get(path, tokens[role])).status]).toEqual([path, role, 403]);
      }
      expect((await t.request('GET', path)).status).toBe(401);
    }
  });

  it("keeps each board's data to itself: another tenant's ids are 404, its lists its own", async () => {
    for (const path of [
      `/api/meetings/${north.meetings.april}`,
      `/api/decisions/${north.decisions.placements}`,
      `/api/actions/${north.actions.visit}`,
    ]) {
      expect((await get(path, southToken)).status).toBe(404);
    }
    for (const path of [
      `/api/meetings/${south.meetings.april}`,
      `/api/decisions/${south.decisions.placements}`,
      `/api/actions/${south.actions.visit}`,
    ]) {
      expect((await get(path)).status).toBe(404);
      expect((await get(path, southToken)).status).toBe(200);
    }
    const theirs = await list('/api/meetings', southToken);
    expect(theirs.map((m) => m.meetingId).sort()).toEqual(Object.values(south.meetings).sort());
    const theirBoard = (await get('/api/board', southToken)).json<{
      name: string;
      members: Array<{ memberId: string }>;
    }>();
    expect(theirBoard.name).toBe('s Corporate Parenting Board');
    expect(theirBoard.members.every((m) => m.memberId.startsWith('s-'))).toBe(true);
    expect((await list('/api/actions', southToken)).every((x) => String(x.actionId).startsWith('s-'))).toBe(true);
    expect((await list('/api/decisions', southToken)).every((x) => String(x.decisionId).startsWith('s-'))).toBe(true);
  });

  it('documents every read route in OpenAPI', async () => {
    const document = (await t.request('GET', '/api/docs/openapi.json')).json<{
      paths: Record<string, { get?: unknown }>;
    }>();
    for (const path of [
      '/api/board',
      '/api/meetings',
      '/api/meetings/calendar.ics',
      '/api/meetings/{id}',
      '/api/decisions',
      '/api/decisions/{id}',
      '/api/actions',
      '/api/actions/{id}',
    ]) {
      expect([path, document.paths[path]?.get !== undefined]).toEqual([path, true]);
    }
  });
});
