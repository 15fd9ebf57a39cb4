// Issue 7: staff sign in through their council's own identity provider (OpenID Connect), end to end
// against a real provider (`oidc-provider`) in this process. Northshire maps a `groups` claim to roles;
// Southvale assigns roles in the product; Eastmere's provider cannot be reached.
import { DataSource } from 'typeorm';
import { IdentityService } from '#identity';
import { StaffUserEntity } from '../../libs/identity/src/commands/staff-user.entity.js';
import { startCouncilProvider, CouncilBrowser, type CouncilProvider } from '../support/oidc-provider.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('security: sign-in through a council’s OpenID Connect provider', () => {
  let council: CouncilProvider;
  let t: TestApp;
  let appHost: string;

  beforeAll(async () => {
    council = await startCouncilProvider();
    t = await startTestApp({
      SECOND_FACTOR: 'required',
      RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000',
      OIDC_PROVIDERS: JSON.stringify([
        council.connection('northshire', {
          label: 'Northshire Council staff account',
          roleClaim: 'groups',
          roleMap: { 'cpb-chairs': 'chair', 'cpb-officers': ['officer'], 'cpb-clerks': 'clerk' },
        }),
        council.connection('southvale'),
        { tenant: 'eastmere', issuer: 'http://127.0.0.1:9', clientId: 'x', clientSecret: 'y' },
      ]),
    });
    const base = new URL(t.baseUrl.replace('[::1]', '127.0.0.1'));
    appHost = base.host;
    for (const board of ['northshire', 'southvale']) council.registerBoard(board, base.origin);
    const identity = t.app.get(IdentityService);
    const southvale = await identity.createTenant('southvale', 'Southvale Council');
    await identity.createStaffUser({
      tenantId: southvale.id,
      email: 'officer@southvale.example',
      displayName: 'Southvale Officer',
      password: 'a-long-local-password',
      roles: ['officer'],
    });
    await identity.createTenant('eastmere', 'Eastmere Council');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await council?.close();
  });

  const appUrl = (path: string): string => `http://${appHost}${path}`;

  /** Signs `login` in through the council; returns where the app sent the browser, and the session if one. */
  async function councilSignIn(board: string, login: string, browser = new CouncilBrowser()) {
    const { url } = await browser.signInThrough(
      appUrl(`/api/auth/oidc/${board}/start`),
      login,
      (next) => next.host === appHost && !next.pathname.startsWith('/api/'),
    );
    if (url.pathname !== '/staff/signed-in') return { landed: url, session: undefined };
    const collected = await browser.fetch(new URL(appUrl('/api/auth/oidc/session')), 'POST');
    return {
      landed: url,
      session: JSON.parse(collected.text) as { token: string; userId: string; roles: string[]; secondFactor: string },
      browser,
    };
  }

  const users = () => t.app.get(DataSource).getRepository(StaffUserEntity);

  it('says which boards use a council sign-in', async () => {
    const northshire = await t.request('GET', '/api/auth/oidc/northshire');
    expect(northshire.status).toBe(200);
    expect(northshire.json()).toEqual({ tenant: 'northshire', label: 'Northshire Council staff account' });
    expect((await t.request('GET', '/api/auth/oidc/westvale')).status).toBe(404);
    expect((await t.request('GET', '/api/auth/oidc/NOT_A_BOARD')).status).toBe(400);
  });

  it('creates a newcomer with the roles their groups map to, and opens a session the second-factor rule accepts', async () => {
    council.accounts.set('r.patel', {
      email: 'R.Patel@northshire.example',
      email_verified: true,
      name: 'Rina Patel',
      groups: ['cpb-chairs', 'finance'],
    });
    const { landed, session } = await councilSignIn('northshire', 'r.patel');
    expect(landed.pathname).toBe('/staff/signed-in');
    expect(session).toMatchObject({ roles: ['chair'], secondFactor: 'council', displayName: 'Rina Patel' });
    const me = await t.request('GET', '/api/auth/me', { token: session!.token });
    expect(me.status).toBe(200);
    expect(me.json()).toMatchObject({ roles: ['chair'], actingRole: 'chair' });
    expect((await t.request('GET', '/api/meetings', { token: session!.token })).status).toBe(200);
    const stored = await users().findOneByOrFail({ id: session!.userId });
    expect(stored).toMatchObject({
      email: 'r.patel@northshire.example',
      passwordHash: '',
      oidcSubject: `${council.issuer}|r.patel`,
    });
    // No password to guess: local sign-in is refused for an account made by a council sign-in.
    const local = await t.request('POST', '/api/auth/sign-in', {
      body: { tenant: 'northshire', email: 'r.patel@northshire.example', password: 'anything-at-all' },
    });
    expect(local.status).toBe(401);
    // The session was collected once: a second collection finds nothing.
    const again = await t.request('POST', '/api/auth/oidc/session');
    expect(again.status).toBe(401);
  });

  it('links an existing account by its verified email, and follows the groups on each sign-in', async () => {
    council.accounts.set('clerk-1', {
      email: 'clerk@northshire.example',
      email_verified: true,
      groups: ['cpb-clerks'],
    });
    const identity = t.app.get(IdentityService);
    const tenantId = (await identity.tenantBySlug('northshire'))!.id;
    const clerkId = await identity.activeUserIdByEmail(tenantId, 'clerk@northshire.example');
    const first = await councilSignIn('northshire', 'clerk-1');
    expect(first.session).toMatchObject({ userId: clerkId, roles: ['clerk'] });
    council.accounts.set('clerk-1', {
      email: 'clerk@northshire.example',
      email_verified: true,
      groups: ['cpb-clerks', 'cpb-officers'],
    });
    const second = await councilSignIn('northshire', 'clerk-1');
    expect(second.session?.roles.sort()).toEqual(['clerk', 'officer']);
    // Groups gone: no role on the board, no session.
    council.accounts.set('clerk-1', { email: 'clerk@northshire.example', email_verified: true, groups: ['finance'] });
    const third = await councilSignIn('northshire', 'clerk-1');
    expect(third.landed.pathname + third.landed.search).toBe('/staff/sign-in?council=no-role');
  });

  it('refuses people with no mapped group, unverified emails, and disabled accounts', async () => {
    council.accounts.set('visitor', { email: 'visitor@elsewhere.example', email_verified: true, groups: ['finance'] });
    council.accounts.set('unverified', {
      email: 'member@northshire.example',
      email_verified: false,
      groups: ['cpb-chairs'],
    });
    council.accounts.set('gone', { email: 'gone@northshire.example', email_verified: true, groups: ['cpb-chairs'] });
    const before = await users().count();
    expect((await councilSignIn('northshire', 'visitor')).landed.search).toBe('?council=no-role');
    // An unverified email does not link to the member's account.
    expect((await councilSignIn('northshire', 'unverified')).landed.search).toBe('?council=no-role');
    expect(await users().count()).toBe(before);
    expect(await users().findOneByOrFail({ email: 'member@northshire.example' })).toMatchObject({ oidcSubject: null });
    const gone = await councilSignIn('northshire', 'gone');
    const identity = t.app.get(IdentityService);
    await identity.disable(gone.session!.userId, (await identity.tenantBySlug('northshire'))!.id);
    expect((await t.request('GET', '/api/auth/me', { token: gone.session!.token })).status).toBe(401);
    expect((await councilSignIn('northshire', 'gone')).landed.search).toBe('?council=refused');
  });

  it('keeps roles in the product where the board maps no claim', async () => {
    council.accounts.set('sv-officer', {
      email: 'officer@southvale.example',
      email_verified: true,
      groups: ['cpb-chairs'],
    });
    council.accounts.set('sv-stranger', {
      email: 'stranger@southvale.example',
      email_verified: true,
      groups: ['cpb-chairs'],
    });
    const known = await councilSignIn('southvale', 'sv-officer');
    expect(known.session).toMatchObject({ roles: ['officer'] });
    expect((await councilSignIn('southvale', 'sv-stranger')).landed.search).toBe('?council=no-role');
  });

  it('refuses a return that this browser did not start, or whose state was changed', async () => {
    council.accounts.set('r.patel', {
      email: 'r.patel@northshire.example',
      email_verified: true,
      groups: ['cpb-chairs'],
    });
    // Another browser's answer (a code and state sent to someone by link): no pending cookie here.
    const victim = new CouncilBrowser();
    const stolen = await victim.signInThrough(appUrl('/api/auth/oidc/northshire/start'), 'r.patel', (next) =>
      next.pathname.endsWith('/callback'),
    );
    const attacker = new CouncilBrowser();
    const replay = await attacker.fetch(stolen.url);
    expect(replay.location).toBe('/staff/sign-in?council=expired');
    // The right browser, with the state changed: refused, and the code is not exchanged.
    const tampered = new URL(stolen.url);
    tampered.searchParams.set('state', 'not-the-state');
    expect((await victim.fetch(tampered)).location).toBe('/staff/sign-in?council=refused');
    // A return with no code at all (the council said no), and garbage: refused the same way, never a 500.
    const denied = await victim.fetch(new URL(appUrl('/api/auth/oidc/northshire/callback?error=access_denied')));
    expect(denied.status).toBe(303);
    const junk = await victim.fetch(
      new URL(appUrl(`/api/auth/oidc/northshire/callback?code=%00%FF&state=${'x'.repeat(5000)}`)),
    );
    expect(junk.status).toBe(303);
  });

  it("sends people back to the sign-in page when the council's provider cannot be reached", async () => {
    const answer = await new CouncilBrowser().fetch(new URL(appUrl('/api/auth/oidc/eastmere/start')));
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/staff/sign-in?council=unavailable');
  });

  it('never logs the claims it was given', () => {
    const logs = t.logs();
    for (const secret of ['r.patel', 'Rina Patel', 'visitor@elsewhere.example', 'southvale-board-secret']) {
      expect(logs).not.toContain(secret);
    }
  });
});
