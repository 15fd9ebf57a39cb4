// Issue 17, item 10: admins disable, enable and change the roles of staff accounts through the API, each
// change an event in the board's log; a disabled account is refused at its next request; an admin cannot
// disable themself or leave the board without an active admin. And a lone surrogate as the sign-in
// e-mail is a 400 problem, not a 500.
import { EVENT_STORE, type EventStore } from '#event-store';
import { IdentityService, staffAccountsStream } from '#identity';
import { Callers } from '../board/decisions-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Account {
  accountId: string;
  displayName: string;
  email: string;
  roles: string[];
  disabled: boolean;
}

interface Change {
  account: Account;
  changed: boolean;
  events: string[];
  position: string | null;
}

describe('staff accounts: disable, enable and roles, as events', () => {
  let t: TestApp;
  let callers: Callers;
  let tenantId: string;
  let ids: Record<'admin' | 'clerk' | 'member', string>;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000' });
    callers = new Callers(t);
    tenantId = (await callers.me('admin')).tenantId;
    ids = {
      admin: (await callers.me('admin')).userId,
      clerk: (await callers.me('clerk')).userId,
      member: (await callers.me('member')).userId,
    };
  }, 120_000);
  afterAll(async () => t.close());

  const put = async (path: string, body: unknown, token?: string, headers: Record<string, string> = {}) =>
    t.request('PUT', path, { token: token ?? (await callers.token('admin')), body, headers });
  const status = (id: string, value: string, token?: string) =>
    put(`/api/staff/accounts/${id}/status`, { status: value }, token);
  const roles = (id: string, value: string[], token?: string) =>
    put(`/api/staff/accounts/${id}/roles`, { roles: value }, token);
  const events = async () =>
    (await t.app.get<EventStore>(EVENT_STORE).readStream(staffAccountsStream(tenantId))).map((e) => ({
      type: e.type,
      data: e.data as { accountId: string; roles?: string[] },
      actor: e.metadata.actor,
      tenantId: e.metadata.tenantId,
    }));

  it("lists the board's accounts to its admins only", async () => {
    const response = await callers.get('admin', '/api/staff/accounts');
    expect(response.status).toBe(200);
    const accounts = response.json<Account[]>();
    expect(accounts.find((a) => a.accountId === ids.clerk)).toMatchObject({
      displayName: 'Chris Clerk',
      email: 'clerk@northshire.example',
      roles: ['clerk'],
      disabled: false,
    });
    for (const who of ['clerk', 'chair', 'auditor', 'safeguarding-lead'] as const) {
      expect((await callers.get(who, '/api/staff/accounts')).status).toBe(403);
    }
  });

  it('disables an account (refused at its next request and at sign-in) and enables it again, as events', async () => {
    const clerkToken = await callers.token('clerk');
    expect((await t.request('GET', '/api/auth/me', { token: clerkToken })).status).toBe(200);

    const disabled = await status(ids.clerk, 'disabled');
    expect(disabled.status).toBe(200);
    expect(disabled.json<Change>()).toMatchObject({
      account: { accountId: ids.clerk, disabled: true },
      changed: true,
      events: ['StaffAccountDisabled'],
    });
    // The token still verifies; the account behind it does not.
    expect((await t.request('GET', '/api/auth/me', { token: clerkToken })).status).toBe(401);
    expect((await t.request('GET', '/api/meetings', { token: clerkToken })).status).toBe(401);
    const signIn = await t.request('POST', '/api/auth/sign-in', {
      body: { tenant: 'northshire', email: 'clerk@northshire.example', password: 'demo-board-2026' },
    });
    expect(signIn.status).toBe(401);
    // Again: already so, nothing recorded.
    expect((await status(ids.clerk, 'disabled')).json<Change>()).toMatchObject({ changed: false, events: [] });

    const enabled = await status(ids.clerk, 'active');
    expect(enabled.json<Change>()).toMatchObject({ account: { disabled: false }, events: ['StaffAccountEnabled'] });
    expect((await t.request('GET', '/api/auth/me', { token: clerkToken })).status).toBe(200);

    expect(await events()).toEqual([
      {
        type: 'StaffAccountDisabled',
        data: { accountId: ids.clerk, at: expect.any(String) },
        actor: { id: ids.admin, role: 'admin' },
        tenantId,
      },
      {
        type: 'StaffAccountEnabled',
        data: { accountId: ids.clerk, at: expect.any(String) },
        actor: { id: ids.admin, role: 'admin' },
        tenantId,
      },
    ]);
  });

  it('changes roles, in force from the next request, as an event with the roles before', async () => {
    const memberToken = await callers.token('member');
    expect((await t.request('GET', '/api/audit/integrity', { token: memberToken })).status).toBe(403);
    const changed = await roles(ids.member, ['auditor', 'member']);
    expect(changed.status).toBe(200);
    expect(changed.json<Change>()).toMatchObject({
      account: { roles: ['member', 'auditor'] },
      changed: true,
      events: ['StaffRolesChanged'],
    });
    expect((await t.request('GET', '/api/audit/integrity', { token: memberToken })).status).toBe(200);
    expect((await events()).at(-1)).toMatchObject({
      type: 'StaffRolesChanged',
      data: { accountId: ids.member, roles: ['member', 'auditor'], previousRoles: ['member'] },
    });
    await roles(ids.member, ['member']);
    expect((await t.request('GET', '/api/audit/integrity', { token: memberToken })).status).toBe(403);
  });

  it('answers a retried change (same Idempotency-Key) as the first time, recording it once', async () => {
    const key = 'retry-staff-roles-0001';
    const first = await put(`/api/staff/accounts/${ids.member}/roles`, { roles: ['member', 'officer'] }, undefined, {
      'idempotency-key': key,
    });
    const again = await put(`/api/staff/accounts/${ids.member}/roles`, { roles: ['member', 'officer'] }, undefined, {
      'idempotency-key': key,
    });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.json<Change>()).toEqual(first.json<Change>());
    expect(
      (await events()).filter((e) => e.type === 'StaffRolesChanged' && e.data.roles?.includes('officer')),
    ).toHaveLength(1);
    await roles(ids.member, ['member']);
  });

  it('refuses disabling oneself and leaving the board without an active admin (422)', async () => {
    const self = await status(ids.admin, 'disabled');
    expect(self.status).toBe(422);
    expect(self.json()).toMatchObject({ type: '/problems/cannot-disable-yourself' });
    const lastAdmin = await roles(ids.admin, ['auditor']);
    expect(lastAdmin.status).toBe(422);
    expect(lastAdmin.json()).toMatchObject({ type: '/problems/last-admin' });

    // With a second admin, one may disable the other; the one left cannot give up the role.
    expect((await roles(ids.clerk, ['clerk', 'admin'])).status).toBe(200);
    const clerkAdmin = await callers.token('clerk');
    expect((await status(ids.admin, 'disabled', clerkAdmin)).status).toBe(200);
    const left = await roles(ids.clerk, ['clerk'], clerkAdmin);
    expect(left.status).toBe(422);
    expect(left.json()).toMatchObject({ type: '/problems/last-admin' });
    expect((await status(ids.admin, 'active', clerkAdmin)).status).toBe(200);
    expect((await roles(ids.clerk, ['clerk'])).status).toBe(200);
    // Nothing refused was recorded.
    const types = (await events()).map((e) => e.type);
    expect(types.filter((type) => type === 'StaffAccountDisabled')).toHaveLength(2);
  });

  it("answers 404 for another board's account or none, and 400 for a body it cannot use", async () => {
    const identity = t.app.get(IdentityService);
    const other = await identity.createTenant('eastfold', 'Eastfold Corporate Parenting Board');
    const theirs = await identity.createStaffUser({
      tenantId: other.id,
      email: 'clerk@eastfold.example',
      displayName: 'Eastfold clerk',
      password: 'eastfold-password-1',
      roles: ['clerk'],
    });
    expect((await status(theirs.id, 'disabled')).status).toBe(404);
    expect((await roles('6d1f2c8e-0000-4000-8000-000000000000', ['clerk'])).status).toBe(404);
    expect((await identity.activeUser(theirs.id, other.id))?.disabled).toBe(false);
    for (const [path, body, field] of [
      [`/api/staff/accounts/${ids.clerk}/status`, {}, 'status'],
      [`/api/staff/accounts/${ids.clerk}/status`, { status: 'gone' }, 'status'],
      [`/api/staff/accounts/${ids.clerk}/roles`, { roles: [] }, 'roles'],
      [`/api/staff/accounts/${ids.clerk}/roles`, { roles: ['boss'] }, 'roles'],
      [`/api/staff/accounts/${ids.clerk}/roles`, { roles: 'admin' }, 'roles'],
    ] as const) {
      const response = await put(path, body);
      expect(response.status).toBe(400);
      expect(response.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toContain(field);
    }
  });
});

describe('sign-in: text that is not well-formed Unicode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
  }, 120_000);
  afterAll(async () => t.close());

  it('answers a lone surrogate as the e-mail with a 400 problem naming the field, never a 500', async () => {
    for (const email of ['\\ud800', 'a\\ud800@northshire.example', '\\udc00chair@northshire.example']) {
      const response = await t.request('POST', '/api/auth/sign-in', {
        rawBody: `{"tenant":"northshire","email":"${email}","password":"demo-board-2026"}`,
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toEqual(['email']);
    }
    expect(t.logs()).not.toContain('unhandled');
  });
});
