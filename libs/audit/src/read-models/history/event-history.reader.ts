import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type Actor, type EventStore, type RecordedEvent, ofBoard } from '#event-store';
import { StaffDirectory } from '#identity/contracts';
import { NotFound } from '#platform';

/** Who did it, as an audit shows them: staff by name and role; a young person never by pseudonym. */
export interface ActorView {
  readonly id: string | null;
  readonly role: string;
  readonly name: string | null;
}

export interface HistoryEntry {
  readonly position: string;
  readonly revision: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly recordedAt: string;
  /** The event's own `at` (the command's time), when it carries one. */
  readonly at: string | null;
  readonly actor: ActorView;
  readonly onBehalfOf: ActorView | null;
  /** Null for a young person's command (theirs or entered for them): its ids are theirs alone. */
  readonly commandId: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export const YOUNG_PERSON: ActorView = { id: null, role: 'young-person', name: 'the young person' };

/** Reads one aggregate's stream for the audit, scoped to the caller's tenant, and names its actors. */
@Injectable()
export class EventHistoryReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly staff: StaffDirectory,
  ) {}

  /** Every event of the stream, in order; 404 when absent or another tenant's. */
  async stream(tenantId: string, stream: string, what: string): Promise<RecordedEvent[]> {
    const events = ofBoard(await this.store.readStream(stream), tenantId);
    if (events.length === 0) throw new NotFound(`There is no such ${what} in your board.`);
    return [...events];
  }

  async entries(
    tenantId: string,
    events: readonly RecordedEvent[],
    dataOf: (event: RecordedEvent) => Readonly<Record<string, unknown>>,
  ): Promise<HistoryEntry[]> {
    const names = await this.staffNames(tenantId, events);
    const view = (actor: Actor | null): ActorView | null => {
      if (actor === null) return null;
      if (actor.role === 'young-person') return YOUNG_PERSON;
      return { id: actor.id, role: actor.role, name: names.get(actor.id) ?? null };
    };
    return events.map((e) => ({
      ...commandIdsShown(e),
      position: e.position,
      revision: e.revision.toString(),
      type: e.type,
      schemaVersion: e.schemaVersion,
      recordedAt: e.metadata.recordedAt,
      at: atOf(e.data),
      actor: view(e.metadata.actor)!,
      onBehalfOf: view(e.metadata.onBehalfOf),
      data: dataOf(e),
    }));
  }

  // Staff names from the identity staff table (one query for the whole history).
  private staffNames(tenantId: string, events: readonly RecordedEvent[]): Promise<Map<string, string>> {
    const ids = new Set<string>();
    for (const e of events) {
      for (const actor of [e.metadata.actor, e.metadata.onBehalfOf]) {
        if (actor && actor.role !== 'young-person') ids.add(actor.id);
      }
    }
    return this.staff.names(tenantId, ids);
  }
}

const NO_IDS = { commandId: null, correlationId: null, causationId: null } as const;

/**
 * A command's ids, unless a young person gave it or it was given for one. Their commands' ids are no
 * business of staff: before they were keyed hashes, a view's Idempotency-Key was its command id, and
 * the receipt code followed from it. Staff commands keep theirs, to tie a request to its events.
 */
function commandIdsShown(e: RecordedEvent): Pick<HistoryEntry, 'commandId' | 'correlationId' | 'causationId'> {
  const { actor, onBehalfOf, commandId, correlationId, causationId } = e.metadata;
  if (actor.role === 'young-person' || onBehalfOf?.role === 'young-person') return NO_IDS;
  return { commandId, correlationId, causationId };
}

function atOf(data: unknown): string | null {
  const at = typeof data === 'object' && data !== null ? (data as { at?: unknown }).at : undefined;
  return typeof at === 'string' ? at : null;
}
