import type { Actor, EventMetadata, NewEvent, RecordedEvent } from '../port/envelope.js';
import { WrongExpectedVersion } from '../port/errors.js';
import type { AppendResult, EventStore } from '../port/event-store.port.js';
import { ofBoard } from './board-check.js';

/** Who, when and why: everything the envelope needs that the domain does not decide. */
export interface CommandContext {
  readonly tenantId: string;
  readonly actor: Actor;
  readonly onBehalfOf?: Actor | null;
  /**
   * Idempotency: a retried command with the same id returns its first result. From an Idempotency-Key it
   * is a keyed hash of the key, never the key itself (the key can derive a receipt code).
   */
  readonly commandId: string;
  /** Kept in the envelope: which request the command id was first used for (see EventMetadata). */
  readonly requestHash?: string;
  /**
   * A secret only the client can reproduce (from its Idempotency-Key), for values a retry must get again
   * (a new view's receipt code). Never stored: the envelope does not carry it.
   */
  readonly retrySeed?: string;
  readonly correlationId: string;
  readonly causationId?: string;
  /** ISO-8601, from the application's clock. */
  readonly now: string;
}

export interface DeciderLike<Command, Event extends { type: string; data: unknown; schemaVersion?: number }, State> {
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export interface HandledCommand<Event> {
  readonly events: readonly Event[];
  readonly append: AppendResult | undefined;
}

/** A decider's state after the events read back from a stream (the one fold every reader uses). */
export function foldRecorded<Event extends { type: string; data: unknown; schemaVersion?: number }, State>(
  decider: Pick<DeciderLike<never, Event, State>, 'evolve' | 'initialState'>,
  recorded: readonly RecordedEvent[],
): State {
  return recorded.reduce(
    (state, e) => decider.evolve(state, { type: e.type, data: e.data, schemaVersion: e.schemaVersion } as Event),
    decider.initialState(),
  );
}

export class ConcurrencyConflict extends Error {
  override readonly name = 'ConcurrencyConflict';
  constructor(
    readonly stream: string,
    readonly attempts: number,
  ) {
    super(`stream ${stream} kept changing: gave up after ${attempts} attempts`);
  }
}

/** An Idempotency-Key sent again with another request (another body or address): 422, nothing written. */
export class IdempotencyKeyReused extends Error {
  override readonly name = 'IdempotencyKeyReused';
  constructor() {
    super('This Idempotency-Key was already used for a different request. Send a new key for a new request.');
  }
}

/** The stream exists but belongs to another tenant: callers must answer as if it did not exist (404). */
export class StreamOfAnotherTenant extends Error {
  override readonly name = 'StreamOfAnotherTenant';
  constructor(readonly stream: string) {
    super(`stream ${stream} is not in the caller's tenant`);
  }
}

export function metadataFor(context: CommandContext): EventMetadata {
  return {
    tenantId: context.tenantId,
    actor: context.actor,
    onBehalfOf: context.onBehalfOf ?? null,
    correlationId: context.correlationId,
    causationId: context.causationId ?? context.commandId,
    commandId: context.commandId,
    recordedAt: context.now,
    ...(context.requestHash === undefined ? {} : { requestHash: context.requestHash }),
  };
}

/**
 * The one write path: read the stream, fold it, decide, append with the expected revision.
 * A concurrent writer makes the append fail with WrongExpectedVersion: re-read and decide again,
 * a bounded number of times, then give up with ConcurrencyConflict (HTTP 409).
 */
export async function handleCommand<
  Command,
  Event extends { type: string; data: unknown; schemaVersion?: number },
  State,
>(
  store: EventStore,
  decider: DeciderLike<Command, Event, State>,
  stream: string,
  command: Command,
  context: CommandContext,
  options: {
    maxAttempts?: number;
    result?: (events: readonly Event[]) => unknown;
    /** The stream must exist and be the caller's board's: else this error (the caller's "not found"). */
    mustExist?: () => Error;
  } = {},
): Promise<HandledCommand<Event>> {
  const maxAttempts = options.maxAttempts ?? 5;
  const idempotencyKey = `${context.tenantId}:${context.commandId}`;
  for (let attempt = 1; ; attempt++) {
    const all = await store.readStream(stream);
    // Tenant isolation for every write, by the one board check: a stream is its first event's tenant's.
    const recorded = ofBoard(all, context.tenantId);
    if (recorded.length === 0 && options.mustExist) throw options.mustExist();
    if (recorded.length < all.length) throw new StreamOfAnotherTenant(stream);
    // A retry of a command already written: answer as the first time, decide nothing.
    const prior = recorded.filter((e) => e.metadata.commandId === context.commandId);
    if (prior.length > 0) {
      // The first answer goes only to the same request: the key alone must not replay another's.
      const first = prior[0]!.metadata.requestHash;
      if (first !== undefined && first !== context.requestHash) throw new IdempotencyKeyReused();
      const lastPrior = prior[prior.length - 1]!;
      return {
        events: prior.map((e) => ({ type: e.type, data: e.data, schemaVersion: e.schemaVersion }) as Event),
        append: { nextRevision: lastPrior.revision, position: lastPrior.position, duplicate: true },
      };
    }
    const state = foldRecorded(decider, recorded);
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, append: undefined };
    const metadata = metadataFor(context);
    const toAppend: NewEvent[] = events.map((e) => ({
      type: e.type,
      data: e.data,
      schemaVersion: e.schemaVersion ?? 1,
      metadata,
    }));
    const last = recorded[recorded.length - 1];
    try {
      const append = await store.append(stream, toAppend, {
        expected: last === undefined ? 'no_stream' : last.revision,
        idempotencyKey,
        result: options.result?.(events),
      });
      return { events, append };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion)) throw error;
      if (attempt >= maxAttempts) throw new ConcurrencyConflict(stream, attempt);
    }
  }
}
