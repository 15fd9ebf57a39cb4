import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../../libs/event-store/src/port/envelope.js';

/** One append of the workload: one event into one stream, at a revision known in advance. */
export interface WorkloadItem {
  readonly stream: string;
  /** The stream's last revision before this append (0-based), or -1 for a new stream. */
  readonly previousRevision: number;
  readonly event: NewEvent & { readonly id: string };
}

export interface Workload {
  readonly items: readonly WorkloadItem[];
  readonly streams: number;
  /** Mean bytes of JSON per event (data + metadata + type): what a store has to keep. */
  readonly payloadBytes: number;
}

const ROLES = ['clerk', 'chair', 'member', 'officer', 'moderator'];
// Realistic but synthetic text: no personal data, ever, even in a benchmark.
const FILLER = 'The board noted the update and asked the service to report back at the next meeting. ';

/**
 * `events` appends round-robin over `streams` streams (event k goes to stream k mod streams), each
 * one event with the full envelope and data padded so the stored JSON is about `targetBytes`.
 */
export function buildWorkload(events: number, streams: number, targetBytes = 500): Workload {
  const tenantId = randomUUID();
  const streamNames = Array.from({ length: streams }, () => `meeting-${randomUUID()}`);
  const items: WorkloadItem[] = [];
  let totalBytes = 0;
  const start = Date.UTC(2026, 0, 5, 9, 0, 0);
  for (let k = 0; k < events; k += 1) {
    const streamIndex = k % streams;
    const revision = Math.floor(k / streams);
    const metadata: EventMetadata = {
      tenantId,
      actor: { id: randomUUID(), role: ROLES[k % ROLES.length]! },
      onBehalfOf: null,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      commandId: randomUUID(),
      recordedAt: new Date(start + k * 1000).toISOString(),
    };
    const base = {
      meetingId: streamNames[streamIndex]!.slice('meeting-'.length),
      agendaItem: revision + 1,
      title: `Agenda item ${revision + 1}`,
      minuted: true,
      notes: '',
    };
    const type = 'AgendaItemMinuted';
    const used = JSON.stringify(base).length + JSON.stringify(metadata).length + type.length;
    const notes = FILLER.repeat(Math.ceil(targetBytes / FILLER.length)).slice(0, Math.max(0, targetBytes - used));
    const data = { ...base, notes };
    totalBytes += JSON.stringify(data).length + JSON.stringify(metadata).length + type.length;
    items.push({
      stream: streamNames[streamIndex]!,
      previousRevision: revision - 1,
      event: { id: randomUUID(), type, schemaVersion: 1, data, metadata },
    });
  }
  return { items, streams, payloadBytes: Math.round(totalBytes / Math.max(1, events)) };
}
