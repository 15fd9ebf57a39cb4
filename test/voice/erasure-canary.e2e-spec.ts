import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  isErased,
  iterateAll,
  listParked,
  physicalTableName,
  ProjectionRunner,
  ProtectedEventStore,
  readRegistry,
  SqliteEventStore,
  verifyChain,
} from '#event-store';
import { IdentityService } from '#identity';
import { contributionStream } from '../../libs/voice/src/domain/index.js';
import { SubjectKeyShredder } from '../../libs/voice/src/commands/erase-view/subject-key-shredder.js';
import { Callers, codeOf, fieldsOf, store } from '../board/decisions-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The canary (issue 4, "Withdrawal and erasure"): a young person's view carries a phrase that exists
// nowhere else. It travels the real routes (given, questioned, answered, read and accepted by the
// moderator; a second view, flagged by the screen, read by the safeguarding lead). An admin erases
// both. Then the phrase must be found nowhere: not in any file of the data folder (event store, read
// database, keys, WAL), in UTF-8 or UTF-16, not in the logs; the hash chain still verifies.

/** Every file under `dir`, with its bytes. */
function filesUnder(dir: string): Array<{ path: string; bytes: Buffer }> {
  const found: Array<{ path: string; bytes: Buffer }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path));
    else found.push({ path, bytes: readFileSync(path) });
  }
  return found;
}

/** The files (by name) holding `phrase`, in UTF-8, UTF-16LE or UTF-16BE (or holding these exact bytes). */
function filesHolding(dir: string, phrase: string | Buffer): string[] {
  const needles =
    typeof phrase === 'string'
      ? [Buffer.from(phrase, 'utf8'), Buffer.from(phrase, 'utf16le'), Buffer.from(phrase, 'utf16le').swap16()]
      : [phrase];
  return filesUnder(dir)
    .filter(({ bytes }) => needles.some((needle) => bytes.includes(needle)))
    .map(({ path }) => path.slice(dir.length + 1));
}

const MORE_WORDS = 'We would like to know who will be there and what they will ask us about. '.repeat(8);

interface QueuedView {
  contributionId: string;
  status: string;
  text: string | null;
  answer: string | null;
}

interface WithheldView {
  contributionId: string;
  status: string;
  text: string | null;
  categories: string[];
  case: { caseId: string } | null;
}

describe('erasure on a valid request: the canary finds nothing', () => {
  let t: TestApp;
  let callers: Callers;
  let dataDir: string;
  let closed = false;
  const phrase = `canary-${randomBytes(8).toString('hex')}`;
  const withheldPhrase = `canary-${randomBytes(8).toString('hex')}`;

  beforeAll(async () => {
    t = await startTestApp();
    dataDir = t.config.DATA_DIR;
    callers = new Callers(t);
    const identity = t.app.get(IdentityService);
    const other = await identity.createTenant('southvale', 'Southvale Corporate Parenting Board');
    await identity.createStaffUser({
      tenantId: other.id,
      email: 'admin@southvale.example',
      displayName: 'Southvale admin',
      password: 'southvale-password-1',
      roles: ['admin'],
    });
  }, 60_000);

  afterAll(async () => {
    if (!closed) await t?.app.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const runner = () => t.app.get(ProjectionRunner);
  const caughtUp = () => runner().waitForCatchUp({ timeoutMs: 20_000 });
  const readDb = () => t.app.get(DataSource);
  const eventsDb = () => ((store(t) as ProtectedEventStore).raw as SqliteEventStore).db;
  const streamTypes = async (id: string) => (await store(t).readStream(contributionStream(id))).map((e) => e.type);

  /** The author's key as stored (wrapped by the master key), found by the view's unsealed pseudonym. */
  async function wrappedKeyOf(id: string): Promise<Buffer> {
    const [submitted] = await (store(t) as ProtectedEventStore).raw.readStream(contributionStream(id));
    const subject = `yp:${(submitted!.data as { authorPseudonym: string }).authorPseudonym}`;
    const row = eventsDb().prepare('SELECT wrapped_key FROM es_subject_keys WHERE subject_id = ?').get(subject) as
      { wrapped_key: Buffer } | undefined;
    return row!.wrapped_key;
  }

  async function give(text: string): Promise<string> {
    const given = await t.request('POST', '/api/public/boards/northshire/views', { body: { text } });
    expect(given.status).toBe(201);
    return given.json<{ receiptCode: string }>().receiptCode;
  }

  async function moderationQueue(): Promise<QueuedView[]> {
    await caughtUp();
    const response = await t.request('GET', '/api/moderation/queue', { token: await callers.token('moderator') });
    expect(response.status).toBe(200);
    return response.json<QueuedView[]>();
  }

  async function withheld(): Promise<WithheldView[]> {
    await caughtUp();
    const response = await t.request('GET', '/api/safeguarding/queue', {
      token: await callers.token('safeguarding-lead'),
    });
    expect(response.status).toBe(200);
    return response.json<WithheldView[]>();
  }

  const check = async (receiptCode: string) => {
    await caughtUp();
    return t.request('POST', '/api/public/views/check', { body: { receiptCode } });
  };

  const erase = (id: string, body: unknown, who: Parameters<Callers['token']>[0] = 'admin') =>
    callers.post(who, `/api/staff/contributions/${id}/erasure`, body);

  it('documents the route as admin only, with its grounds', async () => {
    const doc = (await t.request('GET', '/api/docs/openapi.json')).json<{
      paths: Record<string, Record<string, { summary?: string; responses?: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }> };
    }>();
    const route = doc.paths['/api/staff/contributions/{contributionId}/erasure']?.post;
    expect(route?.summary).toMatch(/admin only/i);
    expect(Object.keys(route?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '403', '404', '422']));
    expect(doc.components.schemas.EraseContributionRequest?.properties?.ground?.enum).toContain('consent-withdrawn');
  });

  it('plants the phrase through the routes, erases it, and then finds it nowhere', async () => {
    // A view with the phrase; the moderator reads it, asks a question; the answer carries it too.
    // The phrase first, then more words: an update that shrinks a row writes the new, shorter row over
    // the END of the old one, so only free space wiped by secure_delete loses a phrase placed early.
    const code = await give(`We want ${phrase} at every review meeting, not just some. ${MORE_WORDS}`);
    const [queued] = (await moderationQueue()).filter((v) => v.text?.includes(phrase));
    expect(queued).toBeDefined();
    const id = queued!.contributionId;
    t.clock.advance(60_000);
    const asked = await callers.post('moderator', `/api/moderation/views/${id}/ask`, {
      question: 'Which part matters most to you?',
    });
    expect(asked.status).toBe(200);
    await caughtUp();
    const answered = await t.request('POST', '/api/public/views/answer', {
      body: { text: `The ${phrase} part, every time.` },
      headers: { 'x-receipt-code': code },
    });
    expect(answered.status).toBe(200);
    const reread = (await moderationQueue()).find((v) => v.contributionId === id);
    expect(reread?.answer).toContain(phrase);
    t.clock.advance(60_000);
    // Shared "summary only" (the default): the moderator's summary, and the author's message about it,
    // are theirs too.
    const summarised = await callers.post('moderator', `/api/moderation/views/${id}/accept`, {
      summary: `They want ${phrase} at every review meeting.`,
    });
    expect(summarised.status).toBe(200);
    await caughtUp();
    const disputed = await t.request('POST', '/api/public/views/summary', {
      body: { response: 'change', message: `Please say ${phrase} matters most.` },
      headers: { 'x-receipt-code': code },
    });
    expect(disputed.status).toBe(200);
    const seen = await check(code);
    expect(seen.status).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'accepted', summary: { version: 1, yourAnswer: 'change-requested' } });

    // The scan works: the phrase is in the read database's own file (checkpointed from its WAL so the
    // main file is the one searched), and the author's wrapped key in the event store's file.
    await readDb().query('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(filesHolding(dataDir, phrase)).toEqual(['read.db']);
    const wrappedKey = await wrappedKeyOf(id);
    eventsDb().pragma('wal_checkpoint(TRUNCATE)');
    expect(filesHolding(dataDir, wrappedKey)).toEqual(['events.db']);

    // A second view, withheld by the screen, read by the safeguarding lead (its case opened): its words
    // are, for now, only in the read database's WAL.
    const withheldCode = await give(`My stepdad hits me when ${withheldPhrase} comes up. ${MORE_WORDS}`);
    let lead = (await withheld()).find((v) => v.text?.includes(withheldPhrase));
    expect(lead).toBeDefined();
    const withheldId = lead!.contributionId;
    expect(filesHolding(dataDir, withheldPhrase)).toEqual(['read.db-wal']);

    // Refusals change nothing: bad body (400 naming the field), not an admin (403), another board's
    // admin or an unknown view (404).
    const before = await streamTypes(id);
    const noGround = await erase(id, { reason: 'Request ref DP-2026-014' });
    expect({ status: noGround.status, fields: fieldsOf(noGround) }).toEqual({ status: 400, fields: ['ground'] });
    const badGround = await erase(id, { ground: 'because', reason: 'Request ref DP-2026-014' });
    expect({ status: badGround.status, fields: fieldsOf(badGround) }).toEqual({ status: 400, fields: ['ground'] });
    const noReason = await erase(id, { ground: 'consent-withdrawn', reason: '' });
    expect({ status: noReason.status, fields: fieldsOf(noReason) }).toEqual({ status: 400, fields: ['reason'] });
    expect((await erase(id, { ground: 'consent-withdrawn', reason: 'ref' }, 'moderator')).status).toBe(403);
    const otherAdmin = await t.signIn('admin@southvale.example', 'southvale-password-1', 'southvale');
    const foreign = await t.request('POST', `/api/staff/contributions/${id}/erasure`, {
      token: otherAdmin,
      body: { ground: 'consent-withdrawn', reason: 'ref' },
    });
    expect(foreign.status).toBe(404);
    expect((await erase('no-such-view', { ground: 'consent-withdrawn', reason: 'ref' })).status).toBe(404);
    expect(await streamTypes(id)).toEqual(before);
    expect((await check(code)).status).toBe(200);

    // The admin erases both views.
    t.clock.advance(60_000);
    const body = { ground: 'consent-withdrawn', reason: 'Request ref DP-2026-014' };
    const retryKey = { 'idempotency-key': `erase-${id}` };
    const erased = await callers.post('admin', `/api/staff/contributions/${id}/erasure`, body, retryKey);
    expect(erased.status).toBe(200);
    expect(erased.json()).toMatchObject({ id, events: ['ContributionErased'], duplicate: false });
    // A retry of the same request (same Idempotency-Key) answers as the first time.
    const retried = await callers.post('admin', `/api/staff/contributions/${id}/erasure`, body, retryKey);
    expect({ status: retried.status, body: retried.json() }).toEqual({
      status: 200,
      body: { ...erased.json(), duplicate: true },
    });
    const erasedWithheld = await erase(withheldId, { ground: 'objection', reason: 'Request ref DP-2026-015' });
    expect(erasedWithheld.status).toBe(200);

    // Again, as a new request: refused with the rule's code, nothing written.
    const afterErasure = await streamTypes(id);
    expect(afterErasure.filter((type) => type === 'ContributionErased')).toHaveLength(1);
    const again = await erase(id, body);
    expect({ status: again.status, code: codeOf(again) }).toEqual({ status: 422, code: 'contribution-erased' });
    expect(await streamTypes(id)).toEqual(afterErasure);

    // While the app still runs, once the erasures are handled (keys destroyed, read models scrubbed,
    // the read database's WAL flushed): the phrases, and the key, are in no file.
    await caughtUp();
    await t.app.get(SubjectKeyShredder).waitForIdle();
    expect(filesHolding(dataDir, phrase)).toEqual([]);
    expect(filesHolding(dataDir, withheldPhrase)).toEqual([]);
    expect(filesHolding(dataDir, wrappedKey)).toEqual([]);

    // The key is gone: the stored words open as erased; the erasure record itself stays readable.
    const events = await store(t).readStream(contributionStream(id));
    const submitted = events.find((e) => e.type === 'ContributionSubmitted')!.data as Record<string, unknown>;
    expect(isErased(submitted.text)).toBe(true);
    expect(isErased(submitted.receiptCodeHash)).toBe(true);
    const answer = events.find((e) => e.type === 'ContributionQuestionAnswered')!.data as Record<string, unknown>;
    expect(isErased(answer.text)).toBe(true);
    expect(events.at(-1)!.data).toMatchObject({ ground: 'consent-withdrawn', reason: 'Request ref DP-2026-014' });

    // Every read model shows it erased, without words: the code opens nothing, the moderator's queue
    // and the safeguarding lead's queue show no words.
    expect((await check(code)).status).toBe(404);
    expect((await check(withheldCode)).status).toBe(404);
    expect((await moderationQueue()).map((v) => v.contributionId)).not.toContain(id);
    lead = (await withheld()).find((v) => v.contributionId === withheldId);
    expect(lead).toMatchObject({ status: 'erased', text: null, categories: [] });
    expect(lead!.case).not.toBeNull();
    const [caseRow] = await readDb().query(
      `SELECT view_erased FROM ${await liveTable('voice_safeguarding_cases', 'safeguarding_cases')} WHERE contribution_id = ?`,
      [withheldId],
    );
    expect(Number(caseRow.view_erased)).toBe(1);

    // A rebuild from zero (the sealed fields now read as erased) parks nothing and brings nothing back.
    for (const name of [
      'voice_contribution_status',
      'voice_contribution_receipts',
      'voice_my_view_journey',
      'voice_safeguarding_cases',
    ]) {
      await runner().rebuild(name);
      expect(await listParked(readDb(), name)).toEqual([]);
    }
    await caughtUp();
    lead = (await withheld()).find((v) => v.contributionId === withheldId);
    expect(lead).toMatchObject({ status: 'erased', text: null });
    expect((await check(code)).status).toBe(404);

    // The chain still verifies over what is stored.
    const raw = (store(t) as ProtectedEventStore).raw;
    const report = await verifyChain(iterateAll(raw), raw.chainScope);
    expect(report.ok).toBe(true);
    // At least this test's events: five on the first view, two on the second and its case's opening.
    expect(report.checked).toBeGreaterThanOrEqual(8);

    // Close the app (SQLite checkpoints its WAL), then search every file and the logs.
    await t.app.close();
    closed = true;
    const files = filesUnder(dataDir).map((f) => f.path.slice(dataDir.length + 1));
    expect(files).toEqual(expect.arrayContaining(['events.db', 'read.db']));
    expect(filesHolding(dataDir, phrase)).toEqual([]);
    expect(filesHolding(dataDir, withheldPhrase)).toEqual([]);
    expect(filesHolding(dataDir, wrappedKey)).toEqual([]);
    expect(t.logs().length).toBeGreaterThan(0);
    expect(t.logs()).not.toContain(phrase);
    expect(t.logs()).not.toContain(withheldPhrase);

    // And the chain verifies from the files on disk.
    const reopened = new SqliteEventStore({ filename: join(dataDir, 'events.db') });
    try {
      const onDisk = await verifyChain(iterateAll(reopened), reopened.chainScope);
      expect({ ok: onDisk.ok, checked: onDisk.checked }).toEqual({ ok: true, checked: report.checked });
    } finally {
      await reopened.close();
    }

    async function liveTable(projection: string, table: string): Promise<string> {
      return physicalTableName(table, (await readRegistry(readDb(), projection))!.liveVersion);
    }
  }, 120_000);
});
