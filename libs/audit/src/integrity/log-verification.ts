import { iterateAll, verifyChain, type EventStore, type Position, type RecordedEvent } from '#event-store';

export interface LogIntegrityReport {
  readonly ok: boolean;
  readonly chainScope: EventStore['chainScope'];
  readonly eventsChecked: number;
  /** The last position checked: the log's head when the chain is intact. */
  readonly headPosition?: Position;
  readonly headHash: string;
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
  options: { pageSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<LogIntegrityReport> {
  let current: RecordedEvent | undefined;
  async function* tracked(): AsyncGenerator<RecordedEvent> {
    for await (const event of iterateAll(store, { pageSize: options.pageSize ?? 2000 })) {
      current = event; // verifyChain stops on the event that breaks, so this is the one it names
      yield event;
    }
  }
  const report = await verifyChain(tracked(), store.chainScope, options.onProgress);
  const base = {
    ok: report.ok,
    chainScope: store.chainScope,
    eventsChecked: report.checked,
    headPosition: report.lastPosition,
    headHash: report.lastHash,
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
