import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../../libs/event-store/src/port/envelope.js';

export type WorkloadEvent = NewEvent & { readonly id: string };

/** One append of the workload: one event into one stream, at a revision known in advance. */
export interface WorkloadItem {
  readonly stream: string;
  /** The stream's last revision before this append (0-based), or -1 for a new stream. */
  readonly previousRevision: number;
  readonly event: WorkloadEvent;
}

/** One append of many events (one transaction) into a new stream. */
export interface WorkloadBatch {
  readonly stream: string;
  readonly events: readonly WorkloadEvent[];
}

export interface Workload {
  /** One event per append. */
  readonly items: readonly WorkloadItem[];
  readonly streams: number;
  /** Mean bytes of JSON per event (data + metadata + type): what a store has to keep. */
  readonly payloadBytes: number;
  /** Many events per append (`batchSize` each), each into a new stream. */
  readonly batches: readonly WorkloadBatch[];
  readonly batchSize: number;
  /** Streams written (one append each, not timed) to be read back whole, `streamLength` events each. */
  readonly readStreams: readonly WorkloadBatch[];
  readonly streamLength: number;
  /** The streams to read, in order: `readStreams` drawn at random. */
  readonly streamReads: readonly string[];
}

export interface WorkloadShape {
  readonly events: number;
  readonly streams: number;
  readonly batches: number;
  readonly batchSize: number;
  readonly readStreams: number;
  readonly streamLength: number;
  readonly streamReads: number;
}

const ROLES = ['clerk', 'chair', 'member', 'officer', 'moderator'];
// Realistic but synthetic text: no personal data, ever, even in a benchmark.
const FILLER = 'The board noted the update and asked the service to report back at the next meeting. ';
const WORDS = 'I would like the review meetings to be at a time when I am not at college so I can come. ';

/**
 * Half the streams are a meeting's (its events carry no personal data) and half a young person's view
 * (a contribution): its first event is `ContributionSubmitted` (the words, age band, care status and
 * receipt hash: sealed by the app's personal-data policy under the author's own new key), the later ones
 * `ContributionSummarised` (the summary's words, sealed under the same key). So the encrypting store
 * seals and opens what it does in the app, creating a subject key per view, and the bare stores carry
 * the same JSON in the clear.
 */
function makeEvent(tenantId: string, stream: string, revision: number, k: number, targetBytes: number): WorkloadEvent {
  const metadata: EventMetadata = {
    tenantId,
    actor: { id: randomUUID(), role: ROLES[k % ROLES.length]! },
    onBehalfOf: null,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
    recordedAt: new Date(Date.UTC(2026, 0, 5, 9, 0, 0) + k * 1000).toISOString(),
  };
  const id = stream.slice(stream.indexOf('-') + 1);
  let type: string;
  let base: Record<string, unknown>;
  let filler = FILLER;
  if (stream.startsWith('contribution-')) {
    filler = WORDS;
    // The pseudonym is the view's own id here: one author (and one key) per view.
    type = revision === 0 ? 'ContributionSubmitted' : 'ContributionSummarised';
    base =
      revision === 0
        ? {
            contributionId: id,
            authorPseudonym: id,
            ageBand: '16-17',
            careStatus: 'in-care',
            receiptCodeHash: 'a'.repeat(64),
            themes: ['education'],
            text: '',
          }
        : { contributionId: id, authorPseudonym: id, text: '' };
  } else {
    type = 'AgendaItemMinuted';
    base = { meetingId: id, agendaItem: revision + 1, title: `Agenda item ${revision + 1}`, minuted: true, text: '' };
  }
  const used = JSON.stringify(base).length + JSON.stringify(metadata).length + type.length;
  const text = filler.repeat(Math.ceil(targetBytes / filler.length)).slice(0, Math.max(0, targetBytes - used));
  return { id: randomUUID(), type, schemaVersion: 1, data: { ...base, text }, metadata };
}

const streamName = (index: number): string => `${index % 2 === 0 ? 'meeting' : 'contribution'}-${randomUUID()}`;

/**
 * `events` appends round-robin over `streams` streams (event k goes to stream k mod streams), each one
 * event with the full envelope and data padded so the stored JSON is about `targetBytes`; then `batches`
 * appends of `batchSize` events, each a new stream; then `readStreams` streams of `streamLength` events
 * to read back, `streamReads` times in all.
 */
export function buildWorkload(shape: WorkloadShape, targetBytes = 500): Workload {
  const tenantId = randomUUID();
  const names = Array.from({ length: shape.streams }, (_, i) => streamName(i));
  const items: WorkloadItem[] = [];
  let totalBytes = 0;
  for (let k = 0; k < shape.events; k += 1) {
    const streamIndex = k % shape.streams;
    const revision = Math.floor(k / shape.streams);
    const event = makeEvent(tenantId, names[streamIndex]!, revision, k, targetBytes);
    totalBytes += JSON.stringify(event.data).length + JSON.stringify(event.metadata).length + event.type.length;
    items.push({ stream: names[streamIndex]!, previousRevision: revision - 1, event });
  }
  const whole = (count: number, length: number): WorkloadBatch[] =>
    Array.from({ length: count }, (_, b) => {
      const stream = streamName(b);
      return {
        stream,
        events: Array.from({ length }, (_, r) => makeEvent(tenantId, stream, r, shape.events + r, targetBytes)),
      };
    });
  const readStreams = whole(shape.readStreams, shape.streamLength);
  return {
    items,
    streams: shape.streams,
    payloadBytes: Math.round(totalBytes / Math.max(1, shape.events)),
    batches: whole(shape.batches, shape.batchSize),
    batchSize: shape.batchSize,
    readStreams,
    streamLength: shape.streamLength,
    streamReads: Array.from(
      { length: shape.streamReads },
      () => readStreams[Math.floor(Math.random() * readStreams.length)]!.stream,
    ),
  };
}

/** The raw driver's legs store no hash chain: a fixed stand-in fills the column. */
const PLACEHOLDER_HASH = 'f'.repeat(64);

/** An event as the raw driver's legs insert it: the columns of `raw_events`, in order. */
export function rawEventRow(stream: string, revision: number, event: WorkloadEvent): unknown[] {
  return [
    stream,
    revision,
    event.id,
    event.type,
    event.schemaVersion ?? 1,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
    PLACEHOLDER_HASH,
  ];
}
