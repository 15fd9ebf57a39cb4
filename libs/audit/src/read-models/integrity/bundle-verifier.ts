import { verify, type KeyObject } from 'node:crypto';
import { GENESIS_HASH, chainHash, contentDigest } from '#event-store';
import {
  BUNDLE_FORMAT,
  BundleDigest,
  checkpointSigningInput,
  type BundleHeader,
  type Checkpoint,
} from './bundle-format.js';
import { keyIdOf } from './signing-key.js';

export interface BundleProblem {
  /** 1-based line of the bundle file. */
  readonly line: number;
  readonly reason: string;
}

export interface BundleVerification {
  readonly ok: boolean;
  readonly events: number;
  readonly records: number;
  readonly header?: BundleHeader;
  readonly checkpoint?: Checkpoint;
  /** The first problem found, in file order. */
  readonly problem?: BundleProblem;
}

const HEX64 = /^[0-9a-f]{64}$/;
const POSITION = /^\d{20}(:\d{20})*$/;
const REVISION = /^(0|[1-9]\d{0,19})$/;

class Problem extends Error {}

type Json = Record<string, unknown>;

// Exactly these keys, so nothing can be added or renamed without notice.
function shape(value: unknown, required: readonly string[], optional: readonly string[] = []): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Problem('not a JSON object');
  const record = value as Json;
  for (const key of required) if (!(key in record)) throw new Problem(`missing "${key}"`);
  for (const key of Object.keys(record)) {
    if (!required.includes(key) && !optional.includes(key)) throw new Problem(`unexpected field "${key}"`);
  }
  return record;
}

function text(record: Json, key: string, pattern?: RegExp): string {
  const value = record[key];
  if (typeof value !== 'string' || (pattern !== undefined && !pattern.test(value))) {
    throw new Problem(`"${key}" is malformed`);
  }
  return value;
}

function count(record: Json, key: string): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new Problem(`"${key}" is malformed`);
  return value;
}

/**
 * Verifies a bundle offline (no database, no keys but the public one): every line's exact bytes, every event's
 * hash recomputed from its stored content and its previous hash, every link, the order of positions and of
 * revisions within each stream, and the signed checkpoint. Reports the first problem in file order.
 */
export async function verifyBundle(
  lines: AsyncIterable<string> | Iterable<string>,
  publicKey: KeyObject,
): Promise<BundleVerification> {
  let lineNo = 0;
  let header: BundleHeader | undefined;
  let checkpointRecord: Json | undefined;
  let checkpointLine = 0;
  const digest = new BundleDigest();
  const heads = new Map<string, string>();
  const keyPositions = new Map<string, string>();
  const revisions = new Map<string, bigint>();
  let lastEventPosition: string | undefined;
  let lastPosition: string | undefined;
  let firstPosition: string | undefined;
  let headHash = GENESIS_HASH;
  let events = 0;
  let records = 0;
  const result = (problem?: BundleProblem): BundleVerification => ({
    ok: problem === undefined,
    events,
    records,
    header,
    checkpoint: checkpointRecord?.checkpoint as Checkpoint | undefined,
    problem,
  });

  try {
    for await (const raw of lines) {
      lineNo += 1;
      if (checkpointRecord !== undefined) throw new Problem('content after the checkpoint');
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new Problem('not valid JSON');
      }
      const kind = (parsed as Json | null)?.kind;
      if (lineNo === 1) {
        if (kind !== 'header') throw new Problem('the first line is not the bundle header');
        const h = shape(parsed, ['kind', 'format', 'scope', 'chainScope', 'exportedAt'], ['tenantId']);
        if (h.format !== BUNDLE_FORMAT) throw new Problem(`unknown format (expected ${BUNDLE_FORMAT})`);
        if (h.scope !== 'log' && h.scope !== 'tenant') throw new Problem('"scope" is malformed');
        if (h.chainScope !== 'global' && h.chainScope !== 'stream') throw new Problem('"chainScope" is malformed');
        if ((h.scope === 'tenant') !== (typeof h.tenantId === 'string')) throw new Problem('"tenantId" is malformed');
        text(h, 'exportedAt');
        header = h as unknown as BundleHeader;
        digest.add(raw);
        continue;
      }
      const chainScope = header!.chainScope;
      const keyOf = (stream: string): string => (chainScope === 'global' ? '' : stream);
      if (kind === 'event') {
        const e = shape(parsed, [
          'kind',
          'position',
          'stream',
          'revision',
          'id',
          'type',
          'schemaVersion',
          'data',
          'metadata',
          'previousHash',
          'hash',
        ]);
        const position = text(e, 'position', POSITION);
        const stream = text(e, 'stream');
        const revision = BigInt(text(e, 'revision', REVISION));
        const previousHash = text(e, 'previousHash', HEX64);
        const hash = text(e, 'hash', HEX64);
        if (lastEventPosition !== undefined && position <= lastEventPosition)
          throw new Problem('position out of order');
        const chainKey = keyOf(stream);
        const keyPosition = keyPositions.get(chainKey);
        if (keyPosition !== undefined && position <= keyPosition) throw new Problem('position out of order');
        const streamRevision = revisions.get(stream);
        if (streamRevision !== undefined && revision <= streamRevision) {
          throw new Problem(`revision ${revision} out of order in stream ${stream}`);
        }
        if (previousHash !== (heads.get(chainKey) ?? GENESIS_HASH)) {
          throw new Problem('does not link to the record before it (an event was removed, added or moved)');
        }
        if (typeof e.schemaVersion !== 'number' || typeof e.id !== 'string' || typeof e.type !== 'string') {
          throw new Problem('"id", "type" or "schemaVersion" is malformed');
        }
        const recomputed = chainHash(
          previousHash,
          stream,
          revision,
          contentDigest({
            id: e.id,
            type: e.type,
            schemaVersion: e.schemaVersion,
            data: e.data,
            metadata: e.metadata as never,
          }),
        );
        if (recomputed !== hash)
          throw new Problem(`hash does not match the event's content (stream ${stream} revision ${revision})`);
        heads.set(chainKey, hash);
        keyPositions.set(chainKey, position);
        revisions.set(stream, revision);
        lastEventPosition = position;
        firstPosition ??= position;
        if (lastPosition === undefined || position > lastPosition) lastPosition = position;
        headHash = hash;
        events += 1;
        records += 1;
        digest.add(raw);
      } else if (kind === 'gap') {
        if (header!.scope !== 'tenant') throw new Problem("a gap in a whole log's bundle");
        const g = shape(parsed, ['kind', 'count', 'lastPosition', 'previousHash', 'hash'], ['stream']);
        if ((chainScope === 'stream') !== (typeof g.stream === 'string')) throw new Problem('"stream" is malformed');
        if (count(g, 'count') < 1) throw new Problem('"count" is malformed');
        const position = text(g, 'lastPosition', POSITION);
        const previousHash = text(g, 'previousHash', HEX64);
        const hash = text(g, 'hash', HEX64);
        const chainKey = chainScope === 'global' ? '' : (g.stream as string);
        const keyPosition = keyPositions.get(chainKey);
        if (keyPosition !== undefined && position <= keyPosition) throw new Problem('position out of order');
        if (previousHash !== (heads.get(chainKey) ?? GENESIS_HASH)) {
          throw new Problem('does not link to the record before it (an event was removed, added or moved)');
        }
        heads.set(chainKey, hash);
        keyPositions.set(chainKey, position);
        if (lastPosition === undefined || position > lastPosition) lastPosition = position;
        headHash = hash;
        records += 1;
        digest.add(raw);
      } else if (kind === 'checkpoint') {
        checkpointRecord = shape(parsed, ['kind', 'checkpoint', 'signature']);
        checkpointLine = lineNo;
      } else {
        throw new Problem('unknown kind of line');
      }
    }
  } catch (error) {
    if (error instanceof Problem) return result({ line: lineNo, reason: error.message });
    throw error;
  }

  if (header === undefined) return result({ line: 1, reason: 'the bundle is empty' });
  if (checkpointRecord === undefined) {
    return result({ line: lineNo + 1, reason: 'no checkpoint at the end (the bundle is truncated)' });
  }
  const problem = (reason: string): BundleVerification => result({ line: checkpointLine, reason });
  let checkpoint: Json;
  try {
    checkpoint = shape(
      checkpointRecord.checkpoint,
      ['format', 'scope', 'chainScope', 'exportedAt', 'count', 'records', 'headHash', 'bundleDigest', 'keyId'],
      ['tenantId', 'firstPosition', 'lastPosition'],
    );
  } catch (error) {
    return problem(`checkpoint: ${(error as Error).message}`);
  }
  // Authentic first: if the checkpoint is not the signer's, none of its figures mean anything.
  const keyId = keyIdOf(publicKey);
  if (checkpoint.keyId !== keyId) return problem(`signed with another key (${String(checkpoint.keyId)}, not ${keyId})`);
  const signature = checkpointRecord.signature;
  if (
    typeof signature !== 'string' ||
    !verify(
      null,
      checkpointSigningInput(checkpoint as unknown as Checkpoint),
      publicKey,
      Buffer.from(signature, 'base64'),
    )
  ) {
    return problem('the checkpoint signature does not verify (the checkpoint was altered)');
  }
  const expected: Record<string, unknown> = {
    format: header.format,
    scope: header.scope,
    tenantId: header.tenantId,
    chainScope: header.chainScope,
    exportedAt: header.exportedAt,
    count: events,
    records,
    firstPosition,
    lastPosition,
    headHash,
    bundleDigest: digest.value,
  };
  for (const [key, value] of Object.entries(expected)) {
    if (checkpoint[key] !== value) {
      return problem(
        key === 'bundleDigest'
          ? 'the lines do not match the signed checkpoint (a line was changed, added or removed)'
          : `the bundle's ${key} does not match the signed checkpoint`,
      );
    }
  }
  return result();
}
