import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GENESIS_HASH,
  chainHash,
  contentDigest,
  positionFrom,
  type ChainScope,
  type EventStore,
  type ReadAllOptions,
  type RecordedEvent,
} from '#event-store';
import { writeBundle } from './bundle-writer.js';
import { verifyBundle } from './bundle-verifier.js';
import { DEV_SIGNING_KEY_FILE, loadSigningKey, type AuditSigningKey } from './signing-key.js';
import { verifyLog } from './log-verification.js';

/** A log in memory, hashed like the real adapters, in either chain scope (KurrentDB chains per stream). */
class MemoryLog implements Pick<EventStore, 'readAll' | 'chainScope'> {
  readonly events: RecordedEvent[] = [];
  private readonly heads = new Map<string, string>();
  private readonly revisions = new Map<string, bigint>();
  constructor(readonly chainScope: ChainScope) {}

  add(tenantId: string, stream: string, type: string, data: object = {}): void {
    const revision = (this.revisions.get(stream) ?? -1n) + 1n;
    const key = this.chainScope === 'global' ? '' : stream;
    const content = {
      id: `e${this.events.length}`,
      type,
      schemaVersion: 1,
      data,
      metadata: {
        tenantId,
        actor: { id: 'u', role: 'clerk' },
        onBehalfOf: null,
        correlationId: 'c',
        causationId: 'c',
        commandId: `c${this.events.length}`,
        recordedAt: '2026-01-01T00:00:00.000Z',
      },
    };
    const hash = chainHash(this.heads.get(key) ?? GENESIS_HASH, stream, revision, contentDigest(content));
    this.heads.set(key, hash);
    this.revisions.set(stream, revision);
    this.events.push({ ...content, stream, revision, position: positionFrom(BigInt(this.events.length + 1)), hash });
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after;
    const from = after === undefined ? this.events : this.events.filter((e) => e.position > after);
    return Promise.resolve(from.slice(0, options.maxCount ?? from.length));
  }
}

async function lines(log: MemoryLog, key: AuditSigningKey, tenantId?: string): Promise<string[]> {
  const all: string[] = [];
  for await (const line of writeBundle(log, key, { tenantId, exportedAt: '2026-02-01T00:00:00.000Z', pageSize: 3 })) {
    all.push(line);
  }
  return all;
}

function mixedLog(scope: ChainScope): MemoryLog {
  const log = new MemoryLog(scope);
  log.add('a', 'meeting-1', 'MeetingScheduled', { at: 1 });
  log.add('b', 'meeting-2', 'MeetingScheduled', { secret: 'b-only' });
  log.add('a', 'meeting-1', 'AgendaPublished');
  log.add('b', 'meeting-1', 'Odd', { secret: 'b-in-a-stream' }); // another tenant's event inside a's stream
  log.add('b', 'meeting-2', 'MeetingOpened', { secret: 'b-only' });
  log.add('a', 'meeting-1', 'MeetingOpened');
  log.add('a', 'decision-1', 'DecisionRecorded');
  log.add('b', 'meeting-2', 'MeetingClosed', { secret: 'b-only' });
  return log;
}

describe('export bundles', () => {
  let dir: string;
  let key: AuditSigningKey;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-bundle-'));
    key = loadSigningKey({ dataDir: dir, production: false });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['global', 'stream'] as const)('a whole-log bundle on a %s chain verifies, page by page', async (scope) => {
    const log = mixedLog(scope);
    const bundle = await lines(log, key);
    expect(bundle).toHaveLength(log.events.length + 2);
    expect(await verifyBundle(bundle, key.publicKey)).toMatchObject({ ok: true, events: 8, records: 8 });
  });

  it('on a per-stream chain, dropping the last event of a stream is still caught (by the signed digest)', async () => {
    const bundle = await lines(mixedLog('stream'), key);
    const dropped = bundle.filter((l) => !l.includes('"decision-1"'));
    const outcome = await verifyBundle(dropped, key.publicKey);
    expect(outcome.ok).toBe(false);
    expect(outcome.problem?.reason).toMatch(/does not match the signed checkpoint/);
  });

  it("a tenant's bundle on a global chain: its events, and other tenants' only as gaps to the head", async () => {
    const log = mixedLog('global');
    const bundle = await lines(log, key, 'a');
    expect(bundle.join('\n')).not.toContain('b-only');
    expect(bundle.join('\n')).not.toContain('meeting-2');
    expect(bundle.map((l) => (JSON.parse(l) as { kind: string }).kind)).toEqual([
      'header',
      'event',
      'gap',
      'event',
      'gap',
      'event',
      'event',
      'gap',
      'checkpoint',
    ]);
    const outcome = await verifyBundle(bundle, key.publicKey);
    expect(outcome).toMatchObject({ ok: true, events: 4 });
    // The trailing gap carries the bundle to the head of the whole log.
    expect(outcome.checkpoint?.headHash).toBe(log.events.at(-1)!.hash);
  });

  it("a tenant's bundle on per-stream chains leaves other tenants' streams out entirely", async () => {
    const bundle = await lines(mixedLog('stream'), key, 'a');
    const text = bundle.join('\n');
    expect(text).not.toContain('meeting-2');
    expect(text).not.toContain('b-in-a-stream');
    const gaps = bundle.filter((l) => l.startsWith('{"kind":"gap"')).map((l) => JSON.parse(l) as { stream: string });
    expect(gaps).toEqual([expect.objectContaining({ stream: 'meeting-1', count: 1 })]);
    expect(await verifyBundle(bundle, key.publicKey)).toMatchObject({ ok: true, events: 4 });
  });

  it('a tenant with no events gets one gap to the head; a gap in a whole-log bundle is refused', async () => {
    const log = mixedLog('global');
    const bundle = await lines(log, key, 'nobody');
    expect(await verifyBundle(bundle, key.publicKey)).toMatchObject({ ok: true, events: 0, records: 1 });
    const whole = await lines(log, key);
    const withGap = [whole[0]!, bundle[1]!, ...whole.slice(1)];
    expect((await verifyBundle(withGap, key.publicKey)).problem?.reason).toMatch(/gap in a whole log/);
  });

  it('names a break in the live log only when the event is the reader’s', async () => {
    const log = mixedLog('global');
    (log.events[1] as { data: unknown }).data = { secret: 'changed' };
    const theirs = await verifyLog(log, 'a');
    expect(theirs).toMatchObject({ ok: false, eventsChecked: 1 });
    expect(theirs.firstBreak?.stream).toBeUndefined();
    const operator = await verifyLog(log, undefined);
    expect(operator.firstBreak).toMatchObject({ stream: 'meeting-2', revision: '0' });
    await expect(lines(log, key)).rejects.toThrow(/chain is broken/);
  });
});

describe('the signing key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a development key in DATA_DIR on first use (owner-only) and reuses it', () => {
    const first = loadSigningKey({ dataDir: dir, production: false });
    const path = join(dir, DEV_SIGNING_KEY_FILE);
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(loadSigningKey({ dataDir: dir, production: false }).keyId).toBe(first.keyId);
    expect(first.source).toBe('data-dir');
  });

  it('takes a configured PEM (with escaped newlines, as env files carry them) and refuses none in production', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const fromEnv = loadSigningKey({ pem: pem.replace(/\n/g, '\\n'), dataDir: dir, production: true });
    expect(fromEnv.source).toBe('env');
    expect(existsSync(join(dir, DEV_SIGNING_KEY_FILE))).toBe(false);
    expect(() => loadSigningKey({ dataDir: dir, production: true })).toThrow(/required in production/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => loadSigningKey({ pem: rsa.toString(), dataDir: dir, production: false })).toThrow(/not an Ed25519/);
  });
});
