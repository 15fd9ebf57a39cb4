import { ProjectionRunner } from '#event-store';
import { OverdueCaseSweeper } from '../../libs/voice/src/commands/run-safeguarding-case/overdue-case-sweeper.js';
import { SafeguardingCaseOpener } from '../../libs/voice/src/commands/run-safeguarding-case/safeguarding-case-opener.js';
import { safeguardingCaseStream, voiceSettingsStream } from '../../libs/voice/src/domain/index.js';
import { Callers, codeOf, eventTypes, fieldsOf, head, store, type Who } from '../board/decisions-support.js';
import { startTestApp, type HttpResponse, type TestApp } from '../support/test-app.js';

// The machine is shared: start-up and a whole scenario can take longer than Jest's default 5 s.
const LONG = 60_000;

interface WithheldView {
  contributionId: string;
  text: string | null;
  case: { caseId: string; namedLead: string; deputy?: string; dueBy?: string } | null;
}
interface QueuedView {
  contributionId: string;
  text: string | null;
}

// Local words a board adds: a gang's name and a meeting place only its young people would use.
const LOCAL_RULE = {
  category: 'exploitation-local',
  phrases: ['the Eastgate lads'],
  patterns: ['(?:run|running|ran) for (?:eastgate|the eastgate crew)'],
};

describe('voice settings through HTTP: screening rules, safeguarding owners, invite codes', () => {
  let t: TestApp;
  let callers: Callers;
  let tenantId: string;
  let leadId: string;
  let deputyLeadId: string;
  let adminId: string;

  beforeAll(async () => {
    // Signs in as many roles from one address: more than the real 10 sign-ins a minute.
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    callers = new Callers(t);
    tenantId = (await callers.me('chair')).tenantId;
    leadId = (await callers.me('safeguarding-lead')).userId;
    adminId = (await callers.me('admin')).userId;
    const deputyToken = await t.signIn('sg-deputy@northshire.example');
    deputyLeadId = (await t.request('GET', '/api/auth/me', { token: deputyToken })).json<{ userId: string }>().userId;
  }, LONG);
  afterAll(async () => t.close(), LONG);

  const settled = async () => {
    await t.app.get(SafeguardingCaseOpener).waitForIdle();
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  };
  const get = async (who: Who, path: string) => t.request('GET', path, { token: await callers.token(who) });
  const put = async (who: Who, path: string, body: unknown) =>
    t.request('PUT', path, { token: await callers.token(who), body });
  const give = (body: Record<string, unknown>): Promise<HttpResponse> =>
    t.request('POST', '/api/public/boards/northshire/views', { body });
  const withheld = async () => (await get('safeguarding-lead', '/api/safeguarding/queue')).json<WithheldView[]>();
  const moderation = async () => (await get('moderator', '/api/moderation/queue')).json<QueuedView[]>();
  const withheldCount = async () =>
    (await get('chair', '/api/board/withheld-views-count')).json<{ withheld: number }>().withheld;
  const settingsStream = () => voiceSettingsStream(tenantId);

  it(
    'lets only the right roles read and change the settings',
    async () => {
      for (const who of ['admin', 'safeguarding-lead', 'moderator'] as const) {
        expect((await get(who, '/api/staff/voice-settings')).status).toBe(200);
      }
      for (const who of ['chair', 'clerk', 'member', 'officer', 'auditor'] as const) {
        expect((await get(who, '/api/staff/voice-settings')).status).toBe(403);
      }
      const before = await head(t);
      for (const who of ['moderator', 'clerk', 'chair'] as const) {
        expect((await put(who, '/api/staff/voice-settings/screening-rules', { rules: [LOCAL_RULE] })).status).toBe(403);
      }
      const owners = { namedLead: leadId, deputy: deputyLeadId, acknowledgeWithinMinutes: 60 };
      for (const who of ['safeguarding-lead', 'clerk', 'moderator'] as const) {
        expect((await put(who, '/api/staff/voice-settings/safeguarding-owners', owners)).status).toBe(403);
      }
      for (const who of ['moderator', 'safeguarding-lead', 'chair'] as const) {
        expect((await callers.post(who, '/api/staff/voice-settings/invite-codes', {})).status).toBe(403);
        expect((await get(who, '/api/staff/voice-settings/invite-codes')).status).toBe(403);
        expect((await put(who, '/api/staff/voice-settings/invite-codes/requirement', { required: true })).status).toBe(
          403,
        );
      }
      expect((await t.request('GET', '/api/staff/voice-settings')).status).toBe(401);
      expect(await head(t)).toBe(before);
    },
    LONG,
  );

  it(
    'documents its routes and answers in the OpenAPI document',
    async () => {
      const doc = (await t.request('GET', '/api/docs/openapi.json')).json<{
        paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
      }>();
      const paths = doc.paths;
      expect(Object.keys(paths)).toEqual(
        expect.arrayContaining([
          '/api/staff/voice-settings',
          '/api/staff/voice-settings/screening-rules',
          '/api/staff/voice-settings/safeguarding-owners',
          '/api/staff/voice-settings/invite-codes',
          '/api/staff/voice-settings/invite-codes/requirement',
          '/api/staff/voice-settings/invite-codes/{codeId}/revoke',
        ]),
      );
      expect(paths['/api/staff/voice-settings']!.get!.responses['200']!.content).toBeDefined();
      expect(paths['/api/staff/voice-settings/invite-codes']!.post!.responses['201']!.content).toBeDefined();
    },
    LONG,
  );

  it(
    'refuses bad rules with a 400 naming each field, and writes nothing',
    async () => {
      const before = await head(t);
      const bad = await put('safeguarding-lead', '/api/staff/voice-settings/screening-rules', {
        rules: [
          LOCAL_RULE,
          { category: 'Local Words', phrases: ['  '], patterns: ['(unclosed', '(?:a|b)?', '(\\w+\\s?)+z'] },
        ],
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad)).toEqual([
        'rules[1].category',
        'rules[1].patterns[0]',
        'rules[1].patterns[1]',
        'rules[1].patterns[2]',
        'rules[1].phrases[0]',
      ]);
      const slow = await put('admin', '/api/staff/voice-settings/screening-rules', {
        rules: [{ category: 'local', phrases: [], patterns: ['fine words', '(\\w+\\s?)+z'] }],
      });
      expect(slow.status).toBe(400);
      expect(fieldsOf(slow)).toEqual(['rules[0].patterns[1]']);
      expect((await put('admin', '/api/staff/voice-settings/screening-rules', { rules: 'harm' })).status).toBe(400);
      expect((await put('admin', '/api/staff/voice-settings/screening-rules', {})).status).toBe(400);
      expect(await head(t)).toBe(before);
    },
    LONG,
  );

  it(
    'screens views and answers with the board words: a match goes to safeguarding, near misses do not',
    async () => {
      const flagged = 'I keep getting asked to hang about with the eastgate LADS after school';
      const pattern = 'they want me to run for eastgate on fridays';
      const nearMisses = [
        'The Eastgate leisure centre should open later',
        'Lads from my school play football at eastgate park',
        'I ran for the bus to eastgate',
      ];
      // Before the board adds its words, the defaults alone do not catch them.
      const early = 'the Eastgate lads keep messaging me';
      expect((await give({ text: early })).status).toBe(201);

      const set = await put('safeguarding-lead', '/api/staff/voice-settings/screening-rules', { rules: [LOCAL_RULE] });
      expect(set.status).toBe(200);
      expect(set.json()).toMatchObject({ events: ['LocalScreeningRulesSet'] });
      const read = (await get('moderator', '/api/staff/voice-settings')).json<{
        screening: { defaultCategories: string[]; localRules: unknown[] };
      }>();
      expect(read.screening.localRules).toEqual([LOCAL_RULE]);
      expect(read.screening.defaultCategories).toEqual(expect.arrayContaining(['suicide', 'harm', 'exploitation']));

      const countBefore = await withheldCount();
      for (const text of [flagged, pattern, ...nearMisses]) expect((await give({ text })).status).toBe(201);
      // The defaults still apply beside the board's own words.
      expect((await give({ text: 'my stepdad hits me' })).status).toBe(201);
      await settled();

      const lead = (await withheld()).map((v) => v.text);
      expect(lead).toEqual(expect.arrayContaining([flagged, pattern, 'my stepdad hits me']));
      for (const text of [...nearMisses, early]) expect(lead).not.toContain(text);
      const moderated = (await moderation()).map((v) => v.text);
      for (const text of [flagged, pattern, 'my stepdad hits me']) expect(moderated).not.toContain(text);
      expect(moderated).toEqual(expect.arrayContaining([...nearMisses, early]));
      expect(await withheldCount()).toBe(countBefore + 3);

      // An answer to a moderator's question is screened with the same rules.
      const question = await give({ text: 'Can we have more youth club nights?' });
      await settled();
      const asked = (await moderation()).find((v) => v.text === 'Can we have more youth club nights?')!;
      const ask = await callers.post('moderator', `/api/moderation/views/${asked.contributionId}/ask`, {
        question: 'Which nights would suit you?',
      });
      expect(ask.status).toBe(200);
      const code = question.json<{ receiptCode: string }>().receiptCode;
      const answer = await t.request('POST', '/api/public/views/answer', {
        body: { receiptCode: code, text: 'Fridays, when the Eastgate lads are not around' },
      });
      expect(answer.status).toBe(200);
      await settled();
      expect((await withheld()).map((v) => v.contributionId)).toContain(asked.contributionId);
      expect((await moderation()).map((v) => v.contributionId)).not.toContain(asked.contributionId);

      // Removing the board's words leaves the defaults: the local phrase is no longer caught.
      expect((await put('admin', '/api/staff/voice-settings/screening-rules', { rules: [] })).status).toBe(200);
      expect((await give({ text: 'the Eastgate lads again' })).status).toBe(201);
      expect((await give({ text: 'i want to kill myself' })).status).toBe(201);
      await settled();
      const after = (await withheld()).map((v) => v.text);
      expect(after).not.toContain('the Eastgate lads again');
      expect(after).toContain('i want to kill myself');
    },
    LONG,
  );

  it(
    'names the lead and deputy (safeguarding leads only) and a window; the deputy gets the case after it',
    async () => {
      const path = '/api/staff/voice-settings/safeguarding-owners';
      const before = await head(t);
      const missing = await put('admin', path, { acknowledgeWithinMinutes: 5 });
      expect(missing.status).toBe(400);
      expect(fieldsOf(missing)).toEqual(['acknowledgeWithinMinutes', 'deputy', 'namedLead']);
      const tooLong = await put('admin', path, {
        namedLead: leadId,
        deputy: deputyLeadId,
        acknowledgeWithinMinutes: 10081,
      });
      expect(fieldsOf(tooLong)).toEqual(['acknowledgeWithinMinutes']);
      const admin = await put('admin', path, { namedLead: leadId, deputy: adminId, acknowledgeWithinMinutes: 30 });
      expect({ status: admin.status, code: codeOf(admin) }).toEqual({ status: 422, code: 'not-a-safeguarding-lead' });
      const same = await put('admin', path, { namedLead: leadId, deputy: leadId, acknowledgeWithinMinutes: 30 });
      expect({ status: same.status, code: codeOf(same) }).toEqual({ status: 422, code: 'deputy-is-named-lead' });
      expect(await head(t)).toBe(before);

      // The deputy account is the named lead now; the window is 30 minutes.
      const set = await put('admin', path, { namedLead: deputyLeadId, deputy: leadId, acknowledgeWithinMinutes: 30 });
      expect(set.status).toBe(200);
      expect((await get('safeguarding-lead', '/api/staff/voice-settings')).json()).toMatchObject({
        safeguardingOwners: {
          namedLead: deputyLeadId,
          deputy: leadId,
          acknowledgeWithinMinutes: 30,
          source: 'configured',
        },
      });

      t.clock.advance(60_000);
      const openedAt = t.clock.now().getTime();
      expect((await give({ text: 'nobody feeds us at home' })).status).toBe(201);
      await settled();
      const view = (await withheld()).find((v) => v.text === 'nobody feeds us at home')!;
      const caseId = view.case!.caseId;
      const [opened] = await store(t).readStream(safeguardingCaseStream(caseId));
      expect(opened!.data).toMatchObject({
        namedLead: deputyLeadId,
        deputy: leadId,
        acknowledgeWithin: 30,
        dueBy: new Date(openedAt + 30 * 60_000).toISOString(),
      });

      const sweeper = t.app.get(OverdueCaseSweeper);
      t.clock.advance(29 * 60_000);
      await sweeper.sweep();
      expect(await eventTypes(t, safeguardingCaseStream(caseId))).toEqual(['SafeguardingCaseOpened']);
      t.clock.advance(2 * 60_000);
      await sweeper.sweep();
      const events = await store(t).readStream(safeguardingCaseStream(caseId));
      expect(events.map((e) => e.type)).toEqual(['SafeguardingCaseOpened', 'CaseEscalatedToDeputy']);
      expect(events[1]!.data).toMatchObject({ deputy: leadId });
      const ack = await callers.post('safeguarding-lead', `/api/safeguarding/cases/${caseId}/acknowledge`, {});
      expect(ack.json()).toMatchObject({ events: ['CaseAcknowledged'] });
    },
    LONG,
  );

  it(
    'requires an invite code when the board asks: refused without, let in with, refused once revoked or expired',
    async () => {
      const codes = '/api/staff/voice-settings/invite-codes';
      // Labels name a session, never a person; dates are dates.
      const before = await head(t);
      const personal = await callers.post('clerk', codes, { label: 'for jo.bloggs@example.org' });
      expect({ status: personal.status, fields: fieldsOf(personal) }).toEqual({ status: 400, fields: ['label'] });
      const badDate = await callers.post('clerk', codes, { expiresOn: '31/03/2026' });
      expect({ status: badDate.status, fields: fieldsOf(badDate) }).toEqual({ status: 400, fields: ['expiresOn'] });
      const past = await callers.post('clerk', codes, { expiresOn: '2026-03-01' });
      expect({ status: past.status, code: codeOf(past) }).toEqual({
        status: 422,
        code: 'invite-code-expiry-in-the-past',
      });
      const notBool = await put('admin', `${codes}/requirement`, { required: 'yes' });
      expect({ status: notBool.status, fields: fieldsOf(notBool) }).toEqual({ status: 400, fields: ['required'] });
      expect(await head(t)).toBe(before);

      const issued = await callers.post('officer', codes, { label: 'March CiCC session' });
      expect(issued.status).toBe(201);
      const { codeId, inviteCode } = issued.json<{ codeId: string; inviteCode: string }>();
      expect(inviteCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const today = t.clock.now().toISOString().slice(0, 10);
      const shortLived = (await callers.post('admin', codes, { expiresOn: today })).json<{ inviteCode: string }>();
      // The code itself is never stored: not in the settings stream, not in the listing.
      const stored = JSON.stringify((await store(t).readStream(settingsStream())).map((e) => e.data));
      expect(stored).not.toContain(inviteCode.replace(/-/g, ''));
      const listed = await get('clerk', codes);
      expect(listed.json()).toEqual(
        expect.arrayContaining([expect.objectContaining({ codeId, label: 'March CiCC session', status: 'usable' })]),
      );
      expect(listed.text).not.toContain(inviteCode.replace(/-/g, ''));
      expect(listed.text).not.toContain('codeHash');

      // Not yet required: a view without a code is let in.
      expect((await give({ text: 'Before codes were needed.' })).status).toBe(201);
      const required = await put('clerk', `${codes}/requirement`, { required: true });
      expect(required.json()).toMatchObject({ events: ['InviteCodeRequirementSet'] });

      const headBefore = await head(t);
      for (const inviteCodeSent of [undefined, '', 'AAAA-BBBB-CCCC', 'not a code at all']) {
        const refused = await give({ text: 'Without a good code.', inviteCode: inviteCodeSent });
        expect({ status: refused.status, code: codeOf(refused) }).toEqual({ status: 403, code: 'forbidden' });
      }
      expect(await head(t)).toBe(headBefore);

      // Typed as a young person might: lower case, spaces for dashes.
      const typed = inviteCode.toLowerCase().replace(/-/g, ' ');
      const accepted = await give({ text: 'With the session code.', inviteCode: typed });
      expect(accepted.status).toBe(201);
      // The view does not say which code let it in.
      const viewEvents = await store(t).readAll({ filter: { eventTypes: ['ContributionSubmitted'] } });
      const last = viewEvents[viewEvents.length - 1]!;
      expect(JSON.stringify([last.data, last.metadata])).not.toContain(codeId);

      expect((await give({ text: 'Same day, short code.', inviteCode: shortLived.inviteCode })).status).toBe(201);
      t.clock.advance(24 * 60 * 60_000);
      const expired = await give({ text: 'Next day, short code.', inviteCode: shortLived.inviteCode });
      expect(expired.status).toBe(403);

      const revoked = await callers.post('clerk', `${codes}/${codeId}/revoke`, {});
      expect(revoked.status).toBe(200);
      expect(revoked.json()).toMatchObject({ events: ['InviteCodeRevoked'] });
      expect((await give({ text: 'After revocation.', inviteCode })).status).toBe(403);
      const again = await callers.post('clerk', `${codes}/${codeId}/revoke`, {});
      expect({ status: again.status, code: codeOf(again) }).toEqual({
        status: 422,
        code: 'invite-code-already-revoked',
      });
      expect((await callers.post('clerk', `${codes}/no-such-code/revoke`, {})).status).toBe(404);
      expect((await get('admin', codes)).json()).toEqual(
        expect.arrayContaining([expect.objectContaining({ codeId, status: 'revoked' })]),
      );

      // Off again: views without a code are let in.
      await put('admin', `${codes}/requirement`, { required: false });
      expect((await give({ text: 'Codes no longer needed.' })).status).toBe(201);
    },
    LONG,
  );
});
