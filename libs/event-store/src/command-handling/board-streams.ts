import type { Position, RecordedEvent } from '../port/envelope.js';
import type { EventStore } from '../port/event-store.port.js';
import { ofBoard } from './board-check.js';
import { foldRecorded, handleCommand, type CommandContext, type DeciderLike } from './handle-command.js';
import { noteWritten } from './write-positions.js';

type AnEvent = { type: string; data: unknown; schemaVersion?: number };

/** What every write answers: the aggregate's id, its new revision, its events' types, and whether it was a retry. */
export interface WriteResult {
  readonly id: string;
  /** The stream's revision after the write; null when the command decided nothing. */
  readonly revision: string | null;
  readonly duplicate: boolean;
  readonly events: readonly string[];
}

/** A write's answer with what the caller may need beyond it (never sent as is: events carry data). */
export interface Written<Event> {
  readonly result: WriteResult;
  /** The events decided, or those of the first time for a retry. */
  readonly decided: readonly Event[];
  /** Where the write sits in the whole log; null when nothing was decided. */
  readonly position: Position | null;
}

export interface WriteOptions {
  /** The aggregate's id, as the answer names it. */
  readonly id: string;
  /** The stream must exist (and be the caller's board's): else this error, and nothing is written. */
  readonly mustExist?: () => Error;
}

/**
 * The one writer: loads a stream for a board, runs a decider on it and appends what it decides (with the
 * expected revision, idempotent by command id; see handleCommand). Every context writes through it;
 * framework-free, so the CLI, the demo seeding and the tests use it as the api does.
 */
export class BoardStreams {
  constructor(private readonly store: EventStore) {}

  /** The stream's events, or none when it is another board's. */
  async read(stream: string, tenantId: string): Promise<readonly RecordedEvent[]> {
    return ofBoard(await this.store.readStream(stream), tenantId);
  }

  /** Whether the stream exists and is this board's (its first event only is read). */
  async exists(stream: string, tenantId: string): Promise<boolean> {
    return ofBoard(await this.store.readStream(stream, { maxCount: 1 }), tenantId).length > 0;
  }

  /** The decider's state of the stream; its initial state when the stream is absent or another board's. */
  async fold<Event extends AnEvent, State>(
    decider: Pick<DeciderLike<never, Event, State>, 'evolve' | 'initialState'>,
    stream: string,
    tenantId: string,
  ): Promise<State> {
    return foldRecorded(decider, await this.read(stream, tenantId));
  }

  /** As fold, but the stream must exist: else `missing()` is thrown. */
  async load<Event extends AnEvent, State>(
    decider: Pick<DeciderLike<never, Event, State>, 'evolve' | 'initialState'>,
    stream: string,
    tenantId: string,
    missing: () => Error,
  ): Promise<State> {
    const recorded = await this.read(stream, tenantId);
    if (recorded.length === 0) throw missing();
    return foldRecorded(decider, recorded);
  }

  /** Runs the command: read, fold, decide, append. */
  async run<Command, Event extends AnEvent, State>(
    decider: DeciderLike<Command, Event, State>,
    stream: string,
    command: Command,
    context: CommandContext,
    options: WriteOptions,
  ): Promise<WriteResult> {
    return (await this.write(decider, stream, command, context, options)).result;
  }

  /** As run, answering also the events decided and the write's position. */
  async write<Command, Event extends AnEvent, State>(
    decider: DeciderLike<Command, Event, State>,
    stream: string,
    command: Command,
    context: CommandContext,
    options: WriteOptions,
  ): Promise<Written<Event>> {
    const { events, append } = await handleCommand(this.store, decider, stream, command, context, {
      mustExist: options.mustExist,
    });
    // So the request can tell its client where to read after (X-Log-Position; see write-positions.ts).
    if (append) noteWritten(append.position);
    return {
      result: {
        id: options.id,
        revision: append ? append.nextRevision.toString() : null,
        duplicate: append?.duplicate ?? false,
        events: events.map((e) => e.type),
      },
      decided: events,
      position: append?.position ?? null,
    };
  }
}
