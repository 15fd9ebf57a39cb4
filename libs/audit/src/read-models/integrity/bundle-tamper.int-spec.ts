import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes, randomUUID, sign } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MasterKey,
  ProtectedEventStore,
  SqliteEventStore,
  SqliteSubjectKeyStore,
  mergePolicies,
  GENESIS_HASH,
  chainHash,
  contentDigest,
  type EventMetadata,
  type NewEvent,
} from '#event-store';
import { BOARD_PERSONAL_DATA } from '#board';
import { VOICE_PERSONAL_DATA } from '#voice';
import { verifyCommand } from '../../../../../apps/cli/src/commands/verify.command.js';
import { exportCommand } from '../../../../../apps/cli/src/commands/export.command.js';
import { verifyBundleCommand } from '../../../../../apps/cli/src/commands/verify-bundle.command.js';
import { BundleDigest, checkpointSigningInput, type BundleEvent, type Checkpoint } from './bundle-format.js';
import { writeBoardBundle, writeBundle } from './bundle-writer.js';
import { verifyBundle, type BundleVerification } from './bundle-verifier.js';
import { loadSigningKey, parsePublicKey, type AuditSigningKey } from './signing-key.js';
import { verifyLog } from './log-verification.js';

// The tamper test of issue 5: a realistic log (two boards' meetings, decisions, actions and young people's
// views, personal data sealed by the real ProtectedEventStore on SQLite), exported, then hundreds of seeded
// random single changes to copies of the bundle and of the database: every one must be detected.

const TENANTS = ['tenant-northshire', 'tenant-southvale'] as const;

/** Small, seeded PRNG (mulberry32): the trials are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function meta(tenantId: string, role: string, at: Date): EventMetadata {
  const id = randomUUID();
  return {
    tenantId,
    actor: { id: `user-${role}`, role },
    onBehalfOf: null,
    correlationId: id,
    causationId: id,
    commandId: id,
    recordedAt: at.toISOString(),
  };
}

/** Roughly a year of two boards, in board and voice event shapes: about 2,600 events. */
async function buildLog(store: ProtectedEventStore, random: () => number): Promise<number> {
  let n = 0;
  let clock = Date.parse('2025-04-01T09:00:00.000Z');
  const tick = (): Date => new Date((clock += 1000 * 60 * (5 + Math.floor(random() * 600))));
  const put = async (stream: string, events: NewEvent[]): Promise<void> => {
    await store.append(stream, events, { expected: 'any' });
    n += events.length;
  };
  for (const tenantId of TENANTS) {
    const at = tick();
    await put(`board-${tenantId}`, [
      {
        type: 'BoardConfigured',
        data: { tenantId, name: 'Corporate Parenting Board', at: at.toISOString() },
        metadata: meta(tenantId, 'admin', at),
      },
      ...Array.from({ length: 8 }, (_, i) => ({
        type: 'MemberAppointed',
        data: {
          tenantId,
          memberId: `m-${tenantId}-${i}`,
          name: `Councillor ${i}`,
          role: i === 0 ? 'chair' : 'member',
          at: at.toISOString(),
        },
        metadata: meta(tenantId, 'clerk', at),
      })),
    ]);
  }
  for (let month = 0; month < 12; month++) {
    for (const tenantId of TENANTS) {
      const meetingId = randomUUID();
      const at = tick();
      const m = (role: string): EventMetadata => meta(tenantId, role, tick());
      await put(`meeting-${meetingId}`, [
        {
          type: 'MeetingScheduled',
          data: { meetingId, startsAt: at.toISOString(), venue: 'Town Hall', at: at.toISOString() },
          metadata: m('clerk'),
        },
        ...Array.from({ length: 5 }, (_, i) => ({
          type: 'AgendaItemAdded',
          data: { meetingId, itemId: randomUUID(), title: `Item ${i + 1}`, at: at.toISOString() },
          metadata: m('clerk'),
        })),
        { type: 'AgendaPublished', data: { meetingId, at: at.toISOString() }, metadata: m('chair') },
      ]);
      const call = randomUUID();
      await put(`call-for-views-${call}`, [
        {
          type: 'CallForViewsOpened',
          data: { callId: call, meetingId, question: 'What should the board know?', at: at.toISOString() },
          metadata: m('officer'),
        },
      ]);
      for (let v = 0; v < 30; v++) {
        const contributionId = randomUUID();
        const authorPseudonym = `yp-${randomBytes(6).toString('hex')}`;
        const events: NewEvent[] = [
          {
            type: 'ContributionSubmitted',
            data: {
              contributionId,
              authorPseudonym,
              text: `My view number ${v}: the leaving care team should answer the phone.`,
              themes: ['leaving-care', 'housing'].slice(0, 1 + (v % 2)),
              target: { kind: 'call', callId: call },
              channel: 'web',
              ageBand: '16-17',
              careStatus: 'looked-after',
              sharing: 'anonymous',
              receiptCodeHash: randomBytes(16).toString('hex'),
              late: false,
              at: at.toISOString(),
            },
            metadata: { ...m('young-person'), actor: { id: authorPseudonym, role: 'young-person' } },
          },
          { type: 'ContributionAccepted', data: { contributionId, at: at.toISOString() }, metadata: m('moderator') },
        ];
        if (v % 3 === 0) {
          events.push({
            type: 'ContributionTabled',
            data: { contributionId, meetingId, at: at.toISOString() },
            metadata: m('clerk'),
          });
        }
        if (v % 10 === 7) {
          events.push({
            type: 'ContributionEscalatedForSafeguarding',
            data: {
              contributionId,
              authorPseudonym,
              reason: 'screen',
              categories: ['harm'],
              previousStatus: 'accepted',
              at: at.toISOString(),
            },
            metadata: m('moderator'),
          });
        }
        await put(`contribution-${contributionId}`, events);
      }
      for (let d = 0; d < 3; d++) {
        const decisionId = randomUUID();
        await put(`decision-${decisionId}`, [
          {
            type: 'DecisionRecorded',
            data: { decisionId, meetingId, text: `Resolved ${d}`, citedContributions: [], at: at.toISOString() },
            metadata: m('chair'),
          },
        ]);
        const actionId = randomUUID();
        await put(`action-${actionId}`, [
          {
            type: 'ActionAssigned',
            data: {
              actionId,
              decisionId,
              owner: { officer: { id: `o-${d}`, name: 'A. Officer' } },
              due: '2026-01-01',
              at: at.toISOString(),
            },
            metadata: m('chair'),
          },
          {
            type: 'ActionProgressed',
            data: { actionId, note: 'Under way', at: at.toISOString() },
            metadata: m('officer'),
          },
        ]);
      }
      await put(`meeting-${meetingId}`, [
        { type: 'MeetingOpened', data: { meetingId, at: at.toISOString() }, metadata: m('chair') },
        { type: 'MeetingClosed', data: { meetingId, at: at.toISOString() }, metadata: m('chair') },
      ]);
    }
  }
  return n;
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const line of lines) all.push(line);
  return all;
}

type Trial = { kind: string; lines: string[] };

/** One random single change to a copy of the bundle's lines. */
function tamper(lines: readonly string[], random: () => number, kind: string): Trial {
  const copy = [...lines];
  const last = copy.length - 1; // the checkpoint
  const records = (): number[] => copy.map((_, i) => i).filter((i) => i > 0 && i < last);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  switch (kind) {
    case 'byte': {
      const i = pick(records());
      const line = copy[i]!;
      const at = Math.floor(random() * line.length);
      const alphabet = '0123456789abcdefxyzAZ":{},[] ';
      let replacement = pick([...alphabet]);
      while (replacement === line[at]) replacement = pick([...alphabet]);
      copy[i] = line.slice(0, at) + replacement + line.slice(at + 1);
      return { kind, lines: copy };
    }
    case 'field': {
      const i = pick(records().filter((r) => copy[r]!.startsWith('{"kind":"event"')));
      const e = JSON.parse(copy[i]!) as Record<string, unknown> & {
        metadata: Record<string, unknown> & { actor: Record<string, unknown> };
        data: Record<string, unknown>;
      };
      const field = pick([
        'type',
        'data',
        'actor',
        'recordedAt',
        'tenantId',
        'revision',
        'stream',
        'id',
        'schemaVersion',
        'hash',
        'position',
      ]);
      switch (field) {
        case 'type':
          e.type = `${String(e.type)}X`;
          break;
        case 'data': {
          const key = pick(Object.keys(e.data));
          e.data[key] = typeof e.data[key] === 'string' ? `${e.data[key] as string}.` : 'changed';
          break;
        }
        case 'actor':
          e.metadata.actor.role = e.metadata.actor.role === 'chair' ? 'clerk' : 'chair';
          break;
        case 'recordedAt':
          e.metadata.recordedAt = new Date(Date.parse(e.metadata.recordedAt as string) + 1000).toISOString();
          break;
        case 'tenantId':
          e.metadata.tenantId = `${e.metadata.tenantId as string}-other`;
          break;
        case 'revision':
          e.revision = (BigInt(e.revision as string) + 1n).toString();
          break;
        case 'stream':
          e.stream = `${e.stream as string}0`;
          break;
        case 'id':
          e.id = randomUUID();
          break;
        case 'schemaVersion':
          e.schemaVersion = (e.schemaVersion as number) + 1;
          break;
        case 'hash':
          e.hash = `${(e.hash as string).slice(0, 63)}${(e.hash as string).endsWith('0') ? '1' : '0'}`;
          break;
        case 'position': {
          // A later position that still keeps the order: only the bytes (bundle digest) can tell.
          const next = copy[i + 1]?.startsWith('{"kind":"event"')
            ? (JSON.parse(copy[i + 1]!) as { position: string }).position
            : undefined;
          const bumped = (BigInt(e.position as string) + 1n).toString().padStart(20, '0');
          e.position =
            next !== undefined && bumped >= next
              ? (BigInt(e.position as string) - 1n).toString().padStart(20, '0')
              : bumped;
          break;
        }
      }
      copy[i] = JSON.stringify(e);
      return { kind: `${kind}:${field}`, lines: copy };
    }
    case 'delete': {
      copy.splice(pick(records()), 1);
      return { kind, lines: copy };
    }
    case 'reorder': {
      const i = pick(records());
      let j = pick(records());
      while (j === i) j = pick(records());
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      return { kind, lines: copy };
    }
    case 'checkpoint': {
      const c = JSON.parse(copy[last]!) as { checkpoint: Record<string, unknown>; signature: string };
      const field = pick(['count', 'records', 'headHash', 'exportedAt', 'lastPosition', 'bundleDigest', 'signature']);
      if (field === 'signature') {
        const bytes = Buffer.from(c.signature, 'base64');
        bytes[Math.floor(random() * bytes.length)]! ^= 1 << Math.floor(random() * 8);
        c.signature = bytes.toString('base64');
      } else if (typeof c.checkpoint[field] === 'number') {
        c.checkpoint[field] = (c.checkpoint[field] as number) - 1;
      } else {
        const value = c.checkpoint[field] as string;
        c.checkpoint[field] = value.slice(0, -1) + (value.endsWith('1') ? '2' : '1');
      }
      copy[last] = JSON.stringify(c);
      return { kind: `${kind}:${field}`, lines: copy };
    }
    case 'truncate': {
      copy.splice(last, 1);
      return { kind, lines: copy };
    }
  }
  throw new Error(kind);
}

/**
 * The strongest forger without the key: changes one event, then re-chains every later hash, the line digest
 * and the checkpoint's figures with the real code, and signs with a key of their own.
 */
function forge(
  lines: readonly string[],
  random: () => number,
  attacker: AuditSigningKey,
  keepKeyId: boolean,
): string[] {
  const copy = [...lines];
  const last = copy.length - 1;
  const eventLines = copy.map((l, i) => (l.startsWith('{"kind":"event"') ? i : -1)).filter((i) => i > 0);
  const target = eventLines[Math.floor(random() * eventLines.length)]!;
  const changed = JSON.parse(copy[target]!) as { data: Record<string, unknown> };
  changed.data.at = '2020-01-01T00:00:00.000Z';
  copy[target] = JSON.stringify(changed);
  const digest = new BundleDigest();
  digest.add(copy[0]!);
  let head = GENESIS_HASH;
  for (let i = 1; i < last; i++) {
    const e = JSON.parse(copy[i]!) as BundleEvent;
    const hash = chainHash(head, e.stream, BigInt(e.revision), contentDigest(e as never));
    copy[i] = JSON.stringify({ ...e, previousHash: head, hash });
    head = hash;
    digest.add(copy[i]!);
  }
  const { checkpoint } = JSON.parse(copy[last]!) as { checkpoint: Checkpoint };
  const forged: Checkpoint = {
    ...checkpoint,
    headHash: head,
    bundleDigest: digest.value,
    keyId: keepKeyId ? checkpoint.keyId : attacker.keyId,
  };
  const signature = sign(null, checkpointSigningInput(forged), attacker.privateKey).toString('base64');
  copy[last] = JSON.stringify({ kind: 'checkpoint', checkpoint: forged, signature });
  return copy;
}

describe('export bundles: the tamper test', () => {
  let dir: string;
  let raw: SqliteEventStore;
  let key: AuditSigningKey;
  let logLines: string[];
  let tenantLines: string[];
  let boardLines: string[];
  let total: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-tamper-'));
    raw = new SqliteEventStore({ filename: join(dir, 'events.db') });
    const store = new ProtectedEventStore({
      store: raw,
      keys: new SqliteSubjectKeyStore(raw.db, MasterKey.generate()),
      policy: mergePolicies(BOARD_PERSONAL_DATA, VOICE_PERSONAL_DATA),
    });
    total = await buildLog(store, prng(2026));
    key = loadSigningKey({ dataDir: dir, production: false });
    const exportedAt = '2026-04-01T12:00:00.000Z';
    logLines = await collect(writeBundle(raw, key, { exportedAt }));
    tenantLines = await collect(writeBundle(raw, key, { exportedAt, tenantId: TENANTS[0] }));
    // The same tenant's bundle from its own events and the links between them (the API's export, issue 21).
    const head = (await raw.readAll({ maxCount: total })).at(-1);
    boardLines = await collect(
      writeBoardBundle(raw, key, {
        exportedAt,
        tenantId: TENANTS[0],
        until: { position: head!.position, hash: head!.hash },
        events: total,
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds a realistic log whose bundles verify, with personal data still sealed', async () => {
    expect(total).toBeGreaterThan(2000);
    expect(logLines).toHaveLength(total + 2);
    const whole = await verifyBundle(logLines, key.publicKey);
    expect(whole).toMatchObject({ ok: true, events: total });
    // Written from the board's events only, it is byte for byte the bundle the whole-log scan writes.
    expect(boardLines).toEqual(tenantLines);
    const own = await verifyBundle(tenantLines, key.publicKey);
    expect(own.ok).toBe(true);
    expect(own.events).toBeGreaterThan(total / 3);
    expect(own.events).toBeLessThan((total * 2) / 3);
    // A young person's words never appear in clear, and the other board's events never at all.
    expect(logLines.join('\n')).not.toContain('the leaving care team should answer the phone');
    expect(logLines.join('\n')).toContain('ContributionSubmitted');
    expect(tenantLines.join('\n')).not.toContain(TENANTS[1]);
    expect(tenantLines.some((l) => l.startsWith('{"kind":"gap"'))).toBe(true);
  });

  it('detects every one of 310 random single changes to a bundle (100%)', async () => {
    const random = prng(5);
    const kinds = ['byte', 'field', 'delete', 'reorder', 'checkpoint', 'truncate'];
    const weights = [70, 90, 50, 50, 40, 10];
    const plan = kinds.flatMap((k, i) => Array.from({ length: weights[i]! }, () => k));
    let detected = 0;
    const byKind = new Map<string, [number, number]>();
    const byReason = new Map<string, number>();
    for (const [index, kind] of plan.entries()) {
      // One in five trials tampers with a tenant's bundle (gaps and all), the rest with the whole log's.
      const source = index % 5 === 4 ? boardLines : logLines;
      const trial = tamper(source, random, kind);
      const outcome: BundleVerification = await verifyBundle(trial.lines, key.publicKey);
      const family = trial.kind.split(':')[0]!;
      const tally = byKind.get(family) ?? [0, 0];
      tally[1] += 1;
      if (!outcome.ok) {
        detected += 1;
        tally[0] += 1;
        const reason = outcome.problem!.reason.replace(/\(.*\)|\d+|stream \S+/g, '').trim();
        byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
      }
      byKind.set(family, tally);
    }
    const figures = [...byKind].map(([k, [d, t]]) => `${k} ${d}/${t}`).join(', ');
    console.log(
      `tamper test (bundle, ${total} events): ${detected}/${plan.length} detected (${((100 * detected) / plan.length).toFixed(1)}%): ${figures}`,
    );
    console.log(`  detected by: ${[...byReason].map(([r, c]) => `${c}× "${r}"`).join('; ')}`);
    expect(detected).toBe(plan.length);
  }, 300_000);

  it('a forger who re-chains every later hash and re-signs with their own key is still caught', async () => {
    const attacker = loadSigningKey({ dataDir: join(dir, 'attacker'), production: false });
    const random = prng(77);
    const reasons: string[] = [];
    for (let i = 0; i < 10; i++) {
      const lines = forge(logLines, random, attacker, i % 2 === 0);
      // The forgery is internally consistent: under the attacker's own key it verifies...
      if (i % 2 === 1) expect((await verifyBundle(lines, attacker.publicKey)).ok).toBe(true);
      // ...but not under the published key.
      const outcome = await verifyBundle(lines, key.publicKey);
      expect(outcome.ok).toBe(false);
      reasons.push(outcome.problem!.reason);
    }
    console.log(`forgery (re-chained and re-signed): 10/10 detected: ${[...new Set(reasons)].join('; ')}`);
  });

  it('the CLI verifies bundle files offline: 0 intact, 1 tampered, 2 unreadable', async () => {
    const file = join(dir, 'bundle.jsonl');
    writeFileSync(file, `${logLines.join('\n')}\n`);
    const intact = await verifyBundleCommand(file, key.publicKeyPem);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.message).toContain(`OK: ${total} events`);
    const keyFile = join(dir, 'public-key.json');
    writeFileSync(keyFile, JSON.stringify({ algorithm: 'Ed25519', keyId: key.keyId, publicKeyPem: key.publicKeyPem }));
    expect((await verifyBundleCommand(file, keyFile)).code).toBe(0);
    const broken = [...logLines];
    broken.splice(100, 1);
    writeFileSync(file, `${broken.join('\n')}\n`);
    const tampered = await verifyBundleCommand(file, key.publicKeyPem);
    expect(tampered.code).toBe(1);
    expect(tampered.message).toContain('line 101');
    expect((await verifyBundleCommand(join(dir, 'missing.jsonl'), key.publicKeyPem)).code).toBe(2);
    expect((await verifyBundleCommand(file, 'not a key')).code).toBe(2);
    expect(() => parsePublicKey('{"publicKeyPem": ""}')).toThrow();
  });

  it('detects changed, deleted and reordered rows in copies of the live SQLite log (endpoint and CLI checks)', async () => {
    raw.db.pragma('wal_checkpoint(TRUNCATE)');
    const random = prng(11);
    const kinds = ['data', 'metadata', 'type', 'hash', 'delete', 'reorder'];
    const trials = 36;
    let detected = 0;
    let refused = 0;
    for (let i = 0; i < trials; i++) {
      const kind = kinds[i % kinds.length]!;
      const copyDir = mkdtempSync(join(dir, 'copy-'));
      copyFileSync(join(dir, 'events.db'), join(copyDir, 'events.db'));
      const copy = new SqliteEventStore({ filename: join(copyDir, 'events.db') });
      try {
        // Never the last row for a deletion: a shortened log is a valid prefix; the signed checkpoint's head catches that.
        const position = 1 + Math.floor(random() * (total - 1));
        const other = 1 + Math.floor(random() * (total - 1));
        const db = copy.db;
        switch (kind) {
          case 'data':
            db.prepare(`UPDATE es_events SET data = json_set(data, '$.tampered', 1) WHERE position = ?`).run(position);
            break;
          case 'metadata':
            db.prepare(
              `UPDATE es_events SET metadata = json_set(metadata, '$.actor.role', json_extract(metadata, '$.actor.role') || 'x') WHERE position = ?`,
            ).run(position);
            break;
          case 'type':
            db.prepare(`UPDATE es_events SET type = type || 'X' WHERE position = ?`).run(position);
            break;
          case 'hash':
            db.prepare(
              `UPDATE es_events SET hash = substr(hash, 1, 63) || (CASE WHEN substr(hash, 64) = '0' THEN '1' ELSE '0' END) WHERE position = ?`,
            ).run(position);
            break;
          case 'delete':
            db.prepare('DELETE FROM es_events WHERE position = ?').run(position);
            break;
          case 'reorder': {
            const b = position === other ? (other % (total - 1)) + 1 : other;
            const cols = 'stream_id, revision, event_id, type, schema_version, data, metadata, hash';
            const rowA = db.prepare(`SELECT ${cols} FROM es_events WHERE position = ?`).get(position) as Record<
              string,
              unknown
            >;
            const rowB = db.prepare(`SELECT ${cols} FROM es_events WHERE position = ?`).get(b) as Record<
              string,
              unknown
            >;
            const set = db.prepare(
              'UPDATE es_events SET stream_id = ?, revision = ?, event_id = ?, type = ?, schema_version = ?, data = ?, metadata = ?, hash = ? WHERE position = ?',
            );
            const values = (r: Record<string, unknown>): unknown[] => cols.split(', ').map((c) => r[c]);
            db.transaction(() => {
              set.run('swap', -1, 'swap', 'swap', 1, '{}', '{}', 'swap', position);
              set.run(...values(rowA), b);
              set.run(...values(rowB), position);
            })();
            break;
          }
        }
        const endpoint = await verifyLog(copy, TENANTS[0]);
        const cli = await verifyCommand(copy, { progress: false });
        if (!endpoint.ok && !cli.ok) detected += 1;
        if (i % 6 === 0) {
          const out = join(copyDir, 'bundle.jsonl');
          const outcome = await exportCommand(copy, key, {
            out,
            progress: false,
            exportedAt: '2026-04-01T12:00:00.000Z',
          });
          if (!outcome.ok) refused += 1;
        }
      } finally {
        await copy.close();
        rmSync(copyDir, { recursive: true, force: true });
      }
    }
    console.log(
      `tamper test (live SQLite rows, copies of the DB): ${detected}/${trials} detected by the endpoint and the CLI; export refused ${refused}/${trials / 6}`,
    );
    expect(detected).toBe(trials);
    expect(refused).toBe(trials / 6);
  }, 300_000);

  it('the CLI export of an intact copy verifies offline', async () => {
    const out = join(dir, 'cli-export.jsonl');
    const outcome = await exportCommand(raw, key, {
      out,
      progress: false,
      exportedAt: '2026-04-01T12:00:00.000Z',
      tenantId: TENANTS[1],
    });
    expect(outcome.ok).toBe(true);
    const check = await verifyBundleCommand(out, key.publicKeyPem);
    expect(check.code).toBe(0);
    expect(check.verification?.header).toMatchObject({ scope: 'tenant', tenantId: TENANTS[1] });
  });
});
