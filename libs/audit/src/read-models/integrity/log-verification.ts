import {
  iterateAll,
  verifyChain,
  type EventStore,
  type Position,
  type RecordedEvent,
  type VerifiedHeadMark,
} from '#event-store';

export interface LogIntegrityReport {
  readonly ok: boolean;
  readonly chainScope: EventStore['chainScope'];
  readonly eventsChecked: number;
  /** The last position checked: the log's head when the chain is intact. */
  readonly headPosition?: Position;
  readonly headHash: string;
  /** The position of the event before the head (to find the head again), when there is one. */
  readonly beforeHead?: Position;
  readonly firstBreak?: {
    readonly position: Position;
    readonly reason: string;
    /** Only when the broken event is the reader's tenant's: other tenants' stream names stay theirs. */
    readonly stream?: string;
    readonly revision?: string;
  };
}

/**
 * Verifies the stored log's chain page by page (memory stays flat), in the store's chain scope. `tenantId`
 * limits what is said about a break to the reader's own events; `undefined` (the operator's CLI) says all.
 */
export async function verifyLog(
  store: Pick<EventStore, 'readAll' | 'chainScope'>,
  tenantId: string | undefined,
  options: {
    pageSize?: number;
    onProgress?: (checked: number) => void;
    /** Only the events after a head verified earlier, linked to it (a global chain). */
    from?: VerifiedHeadMark;
  } = {},
): Promise<LogIntegrityReport> {
  let current: RecordedEvent | undefined;
  let before: Position | undefined;
  async function* tracked(): AsyncGenerator<RecordedEvent> {
    const after = options.from?.position;
    for await (const event of iterateAll(store, { pageSize: options.pageSize ?? 2000, after })) {
      before = current?.position ?? after;
      current = event; // verifyChain stops on the event that breaks, so this is the one it names
      yield event;
    }
  }
  const report = await verifyChain(tracked(), store.chainScope, options.onProgress, options.from);
  const base = {
    ok: report.ok,
    chainScope: store.chainScope,
    eventsChecked: report.checked,
    headPosition: report.lastPosition,
    headHash: report.lastHash,
    ...(report.ok && before !== undefined ? { beforeHead: before } : {}),
  };
  if (report.firstBreak === undefined) return base;
  const b = report.firstBreak;
  const own = tenantId === undefined || current?.metadata?.tenantId === tenantId;
  return {
    ...base,
    firstBreak: {
      position: b.position,
      reason: b.reason,
      ...(own ? { stream: b.stream, revision: b.revision.toString() } : {}),
    },
  };
}
