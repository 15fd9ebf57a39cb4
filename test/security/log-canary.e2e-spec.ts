// Issue 7's log canary: a canary name and phrase, planted in every field a young person can fill (and
// quoted back by staff, as they do: a question, a redaction, a note, a decision's rationale, the board's
// answer, a safeguarding outcome), travel the whole journey through the real routes (given online and
// through an advocate, moderated, answered, withheld, tabled, cited in a decision, answered by the
// board, read by staff and auditors, shared differently, withdrawn), along with bad requests built
// around them (too long, unknown properties, broken JSON, too large, wrong type, bad codes). The app
// logs at its most talkative level. Then neither canary is anywhere in what it logged.
import { randomInt } from 'node:crypto';
import { ProjectionRunner } from '#event-store';
import { Callers } from '../board/decisions-support.js';
import { startTestApp, type HttpResponse, type TestApp } from '../support/test-app.js';

/** Random lower-case letters: a string that exists nowhere else. */
const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + randomInt(26))).join('');
const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);

// 12 letters: "Tamsin" and the surname make 18 characters, never the 17 of a receipt code. With 11 the name
// was itself a valid code about once in fifty runs (a letter for each symbol, the check symbol by chance).
const SURNAME = capital(letters(12));
const NAME = `Tamsin ${SURNAME}`;
const EMAIL = `tamsin.${SURNAME.toLowerCase()}@example.com`;
const CORE = letters(12);
const PHRASE = `the ${CORE} lantern`;
/** What must never be logged, searched for in any case: the name's unique part and the phrase's. */
const CANARIES = [NAME, SURNAME, EMAIL, PHRASE, CORE];

/** Words with both canaries in them, as a young person might write. */
const words = (lead: string) => `${lead} My name is ${NAME} (${EMAIL}) and I keep thinking about ${PHRASE}.`;

const DAY = 86_400_000;
const START = Date.parse('2026-03-02T09:00:00Z');

describe('security: a canary planted in views never reaches the logs', () => {
  let t: TestApp;
  let callers: Callers;
  const refused: string[] = [];
  let requests = 0;

  beforeAll(async () => {
    t = await startTestApp({
      LOG_LEVEL: 'trace',
      RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000',
      RATE_LIMIT_DEFAULT_PER_MINUTE: '1000000',
      RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '1000000',
      RATE_LIMIT_RECEIPT_CODES_PER_MINUTE: '1000000',
    });
    callers = new Callers(t);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 30_000 });
  const at = (days: number, hours = 9) => t.clock.set(new Date(START + days * DAY + hours * 3_600_000));

  async function ok(response: Promise<HttpResponse>, status = 200): Promise<HttpResponse> {
    const r = await response;
    requests += 1;
    if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${r.text}`);
    return r;
  }

  /** A request that must be refused with a 4xx (and is counted). */
  async function bad(label: string, response: Promise<HttpResponse>, status: number): Promise<void> {
    const r = await response;
    requests += 1;
    if (r.status !== status) throw new Error(`${label}: expected ${status}, got ${r.status}: ${r.text}`);
    refused.push(label);
  }

  const young = (path: string, body: unknown, code?: string) =>
    t.request('POST', path, { body, headers: code ? { 'x-receipt-code': code } : {} });
  const give = (body: unknown) => young('/api/public/boards/northshire/views', body);

  it('logs neither the name nor the phrase, whatever happens to the views', async () => {
    // The board, a meeting with a decision item, its agenda published in good time.
    at(0);
    await ok(
      t.request('PUT', '/api/board', {
        token: await callers.token('clerk'),
        body: {
          name: 'Northshire Corporate Parenting Board',
          council: 'Northshire County Council',
          jurisdiction: 'england',
          quorum: 2,
          termsOfReference: 'To hold the council to account as corporate parent.',
        },
      }),
    );
    const members: string[] = [];
    for (const [name, role] of [
      ['Cllr Priya Shah', 'chair'],
      ['Cllr Tom Evans', 'councillor'],
      ['Jordan', 'young-person-representative'],
    ] as const) {
      const added = await ok(
        callers.post('clerk', '/api/board/members', { name, role, appointedOn: '2026-01-01' }),
        201,
      );
      members.push(added.json<{ memberId: string }>().memberId);
    }
    const meetingId = (
      await ok(
        callers.post('clerk', '/api/meetings', {
          title: 'Spring board',
          startsAt: new Date(START + 14 * DAY + 8 * 3_600_000).toISOString(),
          place: 'County Hall',
        }),
        201,
      )
    ).json<{ meetingId: string }>().meetingId;
    const itemId = (
      await ok(
        callers.post('clerk', `/api/meetings/${meetingId}/agenda-items`, {
          title: 'Stability of placements',
          purpose: 'decision',
          lead: 'Director of Children’s Services',
          themes: ['placement-stability'],
          principles: ['safe-and-stable'],
          papers: [],
          restricted: false,
        }),
        201,
      )
    ).json<{ itemId: string }>().itemId;
    await ok(callers.post('chair', `/api/meetings/${meetingId}/publish-agenda`, {}));

    // The views: every field a young person fills carries a canary (themes as a code, the only form
    // they take), online and through an advocate.
    at(1);
    const full = {
      themes: ['placement-stability', `${CORE}-and-${SURNAME.toLowerCase()}`],
      target: { kind: 'agenda-item', meetingId, itemId },
      ageBand: '12-15',
      careStatus: 'in-care',
      sharing: 'verbatim',
    };
    const codes: Record<string, string> = {};
    for (const [key, lead] of [
      ['redacted', 'Moves happen too fast.'],
      ['questioned', 'I was not asked.'],
      ['escalated', 'Nobody listens at home.'],
      ['withdrawn', 'Family time is too short.'],
    ] as const) {
      const given = await ok(give({ ...full, text: words(lead), channel: 'online' }), 201);
      codes[key] = given.json<{ receiptCode: string }>().receiptCode;
    }
    // Withheld at once by the screen.
    const screened = await ok(give({ ...full, text: words('My stepdad hits me at home.') }), 201);
    codes.screened = screened.json<{ receiptCode: string }>().receiptCode;
    // Through an advocate.
    const advocate = await ok(
      callers.post('officer', '/api/staff/views', {
        ...full,
        text: words('Said at a CiCC session.'),
        channel: 'advocate',
      }),
      201,
    );
    codes.advocate = advocate.json<{ receiptCode: string }>().receiptCode;
    await caughtUp();

    // Staff read them (each read access-logged), and moderate, quoting the words back.
    at(2);
    const queue = (await ok(callers.get('moderator', '/api/moderation/queue'))).json<
      Array<{ contributionId: string; text: string }>
    >();
    const idOf = (lead: string) => queue.find((v) => v.text.includes(lead))!.contributionId;
    const ids = {
      redacted: idOf('Moves happen'),
      questioned: idOf('I was not asked'),
      escalated: idOf('Nobody listens'),
      withdrawn: idOf('Family time'),
      advocate: advocate.json<{ contributionId: string }>().contributionId,
    };
    const moderate = (id: string, action: string, body: unknown = {}) =>
      ok(callers.post('moderator', `/api/moderation/views/${id}/${action}`, body));
    await moderate(ids.redacted, 'accept-with-redactions', {
      redactedText: `Moves happen too fast. My name is [name] and I keep thinking about ${PHRASE}.`,
    });
    await moderate(ids.questioned, 'ask', { question: `What do you mean by ${PHRASE}, ${NAME}?` });
    await moderate(ids.escalated, 'escalate', { reason: `${NAME} may be at risk; ${PHRASE} worries me.` });
    await moderate(ids.withdrawn, 'accept');
    await moderate(ids.advocate, 'accept');
    await caughtUp();
    await ok(young('/api/public/views/answer', { text: words('I mean it.') }, codes.questioned));
    await caughtUp();
    await moderate(ids.questioned, 'accept');
    await ok(young('/api/public/views/sharing', { sharing: 'anonymised' }, codes.redacted));
    await ok(young('/api/public/views/check', {}, codes.redacted));

    // The safeguarding lead reads the withheld views and records an outcome, naming the child.
    await caughtUp();
    const withheld = (await ok(callers.get('safeguarding-lead', '/api/safeguarding/queue'))).json<
      Array<{ contributionId: string; case: { caseId: string } | null }>
    >();
    let outcomes = 0;
    for (const { case: opened } of withheld) {
      if (!opened) continue;
      outcomes += 1;
      await ok(callers.post('safeguarding-lead', `/api/safeguarding/cases/${opened.caseId}/acknowledge`, {}));
      await ok(
        callers.post('safeguarding-lead', `/api/safeguarding/cases/${opened.caseId}/outcome`, {
          outcome: 'referred-to-front-door',
          reason: `Referred ${NAME} after ${PHRASE}.`,
        }),
      );
    }

    expect(outcomes).toBe(2);

    // Tabled, cited in a decision that quotes them, considered, answered.
    at(3);
    const cited = [ids.redacted, ids.questioned, ids.withdrawn, ids.advocate];
    await ok(callers.get('clerk', '/api/views/ready-to-table'));
    await ok(
      callers.post('clerk', `/api/meetings/${meetingId}/agenda-items/${itemId}/views`, { contributionIds: cited }),
      201,
    );
    at(14, 8);
    await ok(
      callers.post('chair', `/api/meetings/${meetingId}/open`, {
        attendance: members.map((memberId) => ({ memberId, status: 'present' })),
      }),
    );
    const decisionId = (
      await ok(
        callers.post('chair', `/api/meetings/${meetingId}/agenda-items/${itemId}/decisions`, {
          resolution: 'Every child moving placement gets a say in the plan.',
          kind: 'resolution',
          reached: { method: 'consensus' },
          reasons: `Young people spoke of ${PHRASE}.`,
          themes: ['placement-stability'],
          principles: ['take-views-into-account'],
          voiceEvidence: {
            contributions: cited.map((contributionId) => ({
              contributionId,
              influence: 'shaped',
              rationale: `The words "${PHRASE}" shaped it.`,
            })),
          },
        }),
        201,
      )
    ).json<{ decisionId: string }>().decisionId;
    await ok(
      callers.post('clerk', `/api/meetings/${meetingId}/agenda-items/${itemId}/views/considered`, {
        contributionIds: cited,
      }),
      201,
    );
    await ok(callers.post('chair', `/api/meetings/${meetingId}/close`, {}));
    at(15);
    await ok(
      callers.post('clerk', '/api/views/feedback', {
        contributionIds: cited,
        text: `You told us about ${PHRASE}. Now you get a say before any move.`,
        decisionIds: [decisionId],
        actionIds: [],
      }),
      201,
    );
    await ok(callers.post('clerk', '/api/staff/feedback/reading-age', { text: `About ${PHRASE}, ${NAME}.` }));

    // Withdrawn after being cited, with a reason that names the author.
    at(16);
    await ok(young('/api/public/views/withdraw', { reason: words('I changed my mind.') }, codes.withdrawn));
    await caughtUp();

    // Everyone reads: the board, the insight views, the auditor's histories and export, the public page.
    for (const [who, path] of [
      ['member', `/api/meetings/${meetingId}`],
      ['member', `/api/decisions/${decisionId}`],
      ['member', `/api/insight/decisions/${decisionId}/influence`],
      ['member', `/api/insight/meetings/${meetingId}/items/${itemId}/views`],
      ['member', `/api/insight/views/${ids.redacted}/journey`],
      ['chair', '/api/insight/you-said-we-did'],
      ['chair', '/api/insight/evidence-pack'],
      ['auditor', `/api/audit/views/${ids.redacted}/history`],
      ['auditor', `/api/audit/views/${ids.escalated}/history`],
      ['auditor', `/api/audit/decisions/${decisionId}/history`],
      ['auditor', `/api/audit/decisions/${decisionId}`],
      ['auditor', `/api/audit/meetings/${meetingId}/history`],
      ['auditor', '/api/audit/export'],
      ['auditor', '/api/audit/activity'],
      ['safeguarding-lead', '/api/safeguarding/queue'],
    ] as const) {
      await ok(callers.get(who, path));
    }
    await ok(t.request('GET', '/api/public/boards/northshire/you-said-we-did'));
    await ok(young('/api/public/views/check', {}, codes.withdrawn));

    // Bad requests built around the canaries: each refused, none logged.
    const token = await callers.token('moderator');
    await bad('a view too long', give({ text: `${words('')} ${'x'.repeat(5_000)}` }), 400);
    await bad('an unknown property', give({ text: words(''), name: NAME, email: EMAIL }), 400);
    await bad('a name as a theme', give({ text: words(''), themes: [NAME] }), 400);
    await bad('a phrase as a sharing choice', give({ text: words(''), sharing: PHRASE }), 400);
    await bad('a name as an age band', give({ text: words(''), ageBand: NAME }), 400);
    await bad('a phrase as a target', give({ text: words(''), target: { kind: PHRASE } }), 400);
    await bad('a name as an invite code', give({ text: words(''), inviteCode: SURNAME.repeat(4) }), 400);
    await bad(
      'broken JSON',
      t.request('POST', '/api/public/boards/northshire/views', { rawBody: `{"text": "${words('')}", "themes": [` }),
      400,
    );
    await bad(
      'not JSON',
      t.request('POST', '/api/public/boards/northshire/views', {
        rawBody: words(''),
        headers: { 'content-type': 'application/xml' },
      }),
      415,
    );
    await bad('a body too large', give({ text: words('').repeat(6_000) }), 413);
    await bad('a phrase as a receipt code', young('/api/public/views/check', { receiptCode: PHRASE }), 400);
    await bad('a name as a receipt code header', young('/api/public/views/check', {}, NAME), 400);
    await bad(
      'an answer too long',
      young('/api/public/views/answer', { text: words('x'.repeat(5_000)) }, codes.advocate),
      400,
    );
    await bad(
      'an answer with no question',
      young('/api/public/views/answer', { text: words('') }, codes.advocate),
      422,
    );
    await bad(
      'a withdrawal reason too long',
      young('/api/public/views/withdraw', { reason: words('x'.repeat(1_000)) }, codes.advocate),
      400,
    );
    await bad(
      'a withdrawn view withdrawn again',
      young('/api/public/views/withdraw', { reason: words('') }, codes.withdrawn),
      422,
    );
    await bad(
      'an advocate naming themselves',
      callers.post('officer', '/api/staff/views', { text: words(''), channel: 'advocate', submittedBy: NAME }),
      400,
    );
    await bad(
      'a redaction too long',
      t.request('POST', `/api/moderation/views/${ids.escalated}/accept-with-redactions`, {
        token,
        body: { redactedText: words('x'.repeat(5_000)) },
      }),
      400,
    );
    await bad(
      'a withheld view accepted',
      t.request('POST', `/api/moderation/views/${ids.escalated}/accept-with-redactions`, {
        token,
        body: { redactedText: words('') },
      }),
      422,
    );
    await bad(
      'no token',
      t.request('POST', '/api/staff/views', { body: { text: words(''), channel: 'advocate' } }),
      401,
    );
    await bad(
      'the wrong role',
      callers.post('member', '/api/staff/views', { text: words(''), channel: 'advocate' }),
      403,
    );
    await bad('no such route', young('/api/public/boards/northshire/viewz', { text: words('') }), 404);
    await bad('no such board', young('/api/public/boards/southvale/views', { text: words('') }), 404);

    // The logs: there are plenty of them (each request, with its route and status), and no canary.
    await caughtUp();
    const logs = t.logs();
    const lines = logs.split('\n').filter((line) => line.trim() !== '');
    const requestLines = lines.filter((line) => line.includes('"msg":"request"'));
    const lower = logs.toLowerCase();
    const found = CANARIES.filter((canary) => lower.includes(canary.toLowerCase()));
    console.log(
      `log canary: ${lines.length} log lines scanned (${requestLines.length} of them requests: ${requests} made by ` +
        `the test, ${refused.length} bad ones refused, and the sign-ins), ` +
        `${CANARIES.length} canaries (a name, its surname, an email, a phrase and its core), ${found.length} found`,
    );
    expect(requestLines.length).toBeGreaterThanOrEqual(requests);
    expect(logs).toContain('"route":"/api/public/boards/:board/views"');
    expect(logs).toContain('"status":413');
    expect(found).toEqual([]);
  }, 120_000);
});
