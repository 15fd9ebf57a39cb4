import { performance } from 'node:perf_hooks';
import type { EventStore } from '../../libs/event-store/src/port/event-store.port.js';
import { iterateAll } from '../../libs/event-store/src/port/read-helpers.js';
import type { WorkloadBatch, WorkloadItem } from './bench-workload.js';

/** One contender on one database, opened on a fresh file or database. */
export interface BenchLeg {
  /** Appends these items, one event per append, in order. */
  append(items: readonly WorkloadItem[]): Promise<void>;
  /** Appends each batch as ONE append (one transaction) of all its events, into its new stream. */
  appendBatches(batches: readonly WorkloadBatch[]): Promise<void>;
  /** Reads the whole log in order; answers how many events it saw. */
  readAll(): Promise<number>;
  /** Reads one stream whole; answers how many events it holds. */
  readStream(stream: string): Promise<number>;
  close(): Promise<void>;
}

/** A leg over one of our stores: one append per event at its known revision; reads through iterateAll. */
export function storeLeg(store: EventStore, pageSize: number, close: () => Promise<void>): BenchLeg {
  return {
    append: async (items) => {
      for (const { stream, previousRevision, event } of items) {
        await store.append(stream, [event], {
          expected: previousRevision < 0 ? 'no_stream' : BigInt(previousRevision),
        });
      }
    },
    appendBatches: async (batches) => {
      for (const { stream, events } of batches) await store.append(stream, events, { expected: 'no_stream' });
    },
    readAll: async () => {
      let count = 0;
      for await (const _event of iterateAll(store, { pageSize })) count += 1;
      return count;
    },
    readStream: async (stream) => (await store.readStream(stream)).length,
    close,
  };
}

export type Phase = 'append' | 'append_batch' | 'read_all' | 'read_stream';

export interface LegFigures {
  /** Milliseconds, per phase: the sum over the rounds (the read_all phase: its best round). */
  readonly ms: Partial<Record<Phase, number>>;
  readonly readAllCount: number;
  /** Each timed readStream, in milliseconds, sorted. */
  readonly streamReadMs: readonly number[];
  /** A phase that failed, with why (the others still count). */
  readonly errors: Partial<Record<Phase | 'open' | 'check', string>>;
  readonly notes?: string;
}

export interface LegSpec {
  readonly name: string;
  open(): Promise<BenchLeg & { notes?: string }>;
}

export interface InterleavedWork {
  readonly items: readonly WorkloadItem[];
  readonly batches: readonly WorkloadBatch[];
  readonly readStreams: readonly WorkloadBatch[];
  readonly streamLength: number;
  readonly streamReads: readonly string[];
  readonly rounds: number;
  readonly readRounds: number;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Runs the contenders interleaved, phase by phase: single-event appends in `rounds` chunks, appends of
 * many events in `rounds` chunks, `readRounds` full reads (the best counts), then the streams to read
 * back (written untimed, one append each) read in `rounds` chunks; in every round each contender takes
 * its turn, in an order that changes every round (a balanced set of orders: every contender in every
 * position, after every other). On a shared machine a burst of load from elsewhere then lands on every
 * contender alike, so the ratios stay honest even when the absolute rates move. A contender that fails
 * a phase sits out the rest of that phase only.
 */
export async function runInterleaved(
  database: string,
  specs: readonly LegSpec[],
  work: InterleavedWork,
): Promise<Record<string, LegFigures>> {
  interface Live {
    readonly name: string;
    leg?: BenchLeg & { notes?: string };
    ms: Partial<Record<Phase, number>>;
    readAllCount: number;
    streamReadMs: number[];
    errors: LegFigures['errors'];
  }
  const live: Live[] = [];
  for (const spec of specs) {
    const entry: Live = { name: spec.name, ms: {}, readAllCount: 0, streamReadMs: [], errors: {} };
    try {
      entry.leg = await spec.open();
    } catch (error) {
      entry.errors.open = `open failed: ${message(error)}`;
      console.error(`  ${database} ${spec.name}: open failed: ${message(error)}`);
    }
    live.push(entry);
  }
  const orders = balancedOrders(live.length);
  const inOrder = (round: number): Live[] => orders[round % orders.length]!.map((i) => live[i]!);
  const runPhase = async (
    phase: Phase,
    rounds: number,
    work: (leg: BenchLeg, round: number, entry: Live) => Promise<void>,
    combine: 'sum' | 'best',
    progress: (round: number) => string,
  ): Promise<void> => {
    for (let round = 0; round < rounds; round += 1) {
      for (const entry of inOrder(round)) {
        if (!entry.leg || entry.errors[phase] || entry.errors.open) continue;
        const started = performance.now();
        try {
          await work(entry.leg, round, entry);
        } catch (error) {
          entry.errors[phase] = message(error);
          console.error(`  ${database} ${entry.name}: ${phase} failed: ${message(error)}`);
          continue;
        }
        const took = performance.now() - started;
        const before = entry.ms[phase];
        entry.ms[phase] = combine === 'sum' ? (before ?? 0) + took : Math.min(before ?? Infinity, took);
      }
      console.error(`  ${database} ${phase} round ${round + 1}/${rounds} (${progress(round)})`);
    }
  };
  const rate = (phase: Phase, count: number): string =>
    live
      .filter((e) => e.ms[phase] !== undefined && !e.errors[phase])
      .map((e) => `${e.name} ${Math.round(count / (e.ms[phase]! / 1000))}`)
      .join(', ');

  const { items, batches, rounds } = work;
  const itemChunk = Math.ceil(items.length / rounds);
  await runPhase(
    'append',
    rounds,
    (leg, round) => leg.append(items.slice(round * itemChunk, (round + 1) * itemChunk)),
    'sum',
    (round) => `ev/s so far: ${rate('append', Math.min(items.length, (round + 1) * itemChunk))}`,
  );
  const batchChunk = Math.ceil(batches.length / rounds);
  await runPhase(
    'append_batch',
    rounds,
    (leg, round) => leg.appendBatches(batches.slice(round * batchChunk, (round + 1) * batchChunk)),
    'sum',
    () => `batches of ${batches[0]?.events.length ?? 0}`,
  );
  const logLength = items.length + batches.reduce((n, b) => n + b.events.length, 0);
  await runPhase(
    'read_all',
    work.readRounds,
    async (leg, _round, entry) => {
      entry.readAllCount = await leg.readAll();
      if (entry.readAllCount !== logLength) throw new Error(`read ${entry.readAllCount} events, expected ${logLength}`);
    },
    'best',
    () => `best ev/s so far: ${rate('read_all', logLength)}`,
  );
  // The streams to read back: written by every contender, untimed, before any is read.
  for (const entry of live) {
    if (!entry.leg || entry.errors.open) continue;
    try {
      await entry.leg.appendBatches(work.readStreams);
    } catch (error) {
      entry.errors.read_stream = `writing the streams to read: ${message(error)}`;
    }
  }
  const reads = work.streamReads;
  const readChunk = Math.ceil(reads.length / rounds);
  await runPhase(
    'read_stream',
    rounds,
    async (leg, round, entry) => {
      for (const stream of reads.slice(round * readChunk, (round + 1) * readChunk)) {
        const started = performance.now();
        const count = await leg.readStream(stream);
        entry.streamReadMs.push(performance.now() - started);
        if (count !== work.streamLength)
          throw new Error(`read ${count} events of ${stream}, expected ${work.streamLength}`);
      }
    },
    'sum',
    (round) => `streams/s so far: ${rate('read_stream', Math.min(reads.length, (round + 1) * readChunk))}`,
  );
  const outcomes: Record<string, LegFigures> = {};
  for (const entry of live) {
    await entry.leg?.close().catch(() => undefined);
    outcomes[entry.name] = {
      ms: entry.ms,
      readAllCount: entry.readAllCount,
      streamReadMs: entry.streamReadMs.sort((a, b) => a - b),
      errors: entry.errors,
      notes: entry.leg?.notes,
    };
  }
  return outcomes;
}

/**
 * A balanced set of orders of 0..n-1 (Williams' design): every contender in every position equally
 * often and right after every other one equally often (n orders for even n, 2n for odd n; for 3, all
 * six). A contender can leave the disk busy for the next (flushes, checkpoints): no one always follows
 * the same other one.
 */
export function balancedOrders(n: number): number[][] {
  if (n <= 1) return [[...Array(n).keys()]];
  const first: number[] = [];
  for (let low = 0, high = n - 1, take = 0; first.length < n; take += 1) first.push(take % 2 === 0 ? low++ : high--);
  const rows = Array.from({ length: n }, (_, shift) => first.map((v) => (v + shift) % n));
  return n % 2 === 0 ? rows : [...rows, ...rows.map((row) => [...row].reverse())];
}
