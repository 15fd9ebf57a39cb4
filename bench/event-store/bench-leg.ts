import { performance } from 'node:perf_hooks';
import type { WorkloadItem } from './bench-workload.js';

/** One contender on one database, opened on a fresh file or database. */
export interface BenchLeg {
  /** Appends these items, one event per append, in order. */
  append(items: readonly WorkloadItem[]): Promise<void>;
  /** Reads the whole log in order; answers how many events it saw. */
  readAll(): Promise<number>;
  close(): Promise<void>;
}

export interface LegFigures {
  readonly appendMs: number;
  /** Best of the read rounds. */
  readonly readMs: number;
  readonly readCount: number;
}

export type LegOutcome = { ok: true; figures: LegFigures; notes?: string } | { ok: false; error: string };

export interface LegSpec {
  readonly name: string;
  open(): Promise<BenchLeg & { notes?: string }>;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Runs the contenders interleaved: the workload in `rounds` chunks, each chunk appended by every
 * leg in turn (the order changing every round), then `readRounds` full reads each, likewise.
 * On a shared machine a burst of load from elsewhere then lands on every leg alike, so the ratios
 * stay honest even when the absolute rates move.
 */
export async function runInterleaved(
  database: string,
  specs: readonly LegSpec[],
  items: readonly WorkloadItem[],
  rounds: number,
  readRounds: number,
): Promise<Record<string, LegOutcome>> {
  const outcomes: Record<string, LegOutcome> = {};
  const live: {
    spec: LegSpec;
    leg: BenchLeg & { notes?: string };
    appendMs: number;
    readMs: number;
    readCount: number;
  }[] = [];
  for (const spec of specs) {
    try {
      live.push({ spec, leg: await spec.open(), appendMs: 0, readMs: Infinity, readCount: 0 });
    } catch (error) {
      outcomes[spec.name] = { ok: false, error: `open failed: ${message(error)}` };
      console.error(`  ${database} ${spec.name}: open failed: ${message(error)}`);
    }
  }
  const fail = async (entry: (typeof live)[number], error: unknown, phase: string): Promise<void> => {
    outcomes[entry.spec.name] = { ok: false, error: `${phase}: ${message(error)}` };
    console.error(`  ${database} ${entry.spec.name}: ${phase} failed: ${message(error)}`);
    live.splice(live.indexOf(entry), 1);
    await entry.leg.close().catch(() => undefined);
  };
  // Every order of the legs in turn, so no leg always runs right after the same other one (a leg can
  // leave the disk busy for the next: flushes, checkpoints).
  const rotated = (round: number): typeof live => {
    const orders = permutations(live.length);
    return orders[round % orders.length]!.map((i) => live[i]!);
  };

  const chunk = Math.ceil(items.length / rounds);
  for (let round = 0; round < rounds; round += 1) {
    const slice = items.slice(round * chunk, (round + 1) * chunk);
    for (const entry of rotated(round)) {
      const started = performance.now();
      try {
        await entry.leg.append(slice);
      } catch (error) {
        await fail(entry, error, 'append');
        continue;
      }
      entry.appendMs += performance.now() - started;
    }
    const done = Math.min(items.length, (round + 1) * chunk);
    const rates = live.map((e) => `${e.spec.name} ${Math.round(done / (e.appendMs / 1000))}`).join(', ');
    console.error(`  ${database} append ${done}/${items.length} (ev/s so far: ${rates})`);
  }
  for (let round = 0; round < readRounds; round += 1) {
    for (const entry of rotated(round)) {
      const started = performance.now();
      let count: number;
      try {
        count = await entry.leg.readAll();
      } catch (error) {
        await fail(entry, error, 'readAll');
        continue;
      }
      entry.readMs = Math.min(entry.readMs, performance.now() - started);
      entry.readCount = count;
    }
    const rates = live.map((e) => `${e.spec.name} ${Math.round(items.length / (e.readMs / 1000))}`).join(', ');
    console.error(`  ${database} readAll round ${round + 1}/${readRounds} (best ev/s so far: ${rates})`);
  }
  for (const entry of live) {
    await entry.leg.close().catch(() => undefined);
    outcomes[entry.spec.name] =
      entry.readCount === items.length
        ? {
            ok: true,
            figures: { appendMs: entry.appendMs, readMs: entry.readMs, readCount: entry.readCount },
            notes: entry.leg.notes,
          }
        : { ok: false, error: `read ${entry.readCount} events, expected ${items.length}` };
  }
  return outcomes;
}

/** All orders of 0..n-1, in a fixed sequence. */
function permutations(n: number): number[][] {
  if (n <= 1) return [[...Array(n).keys()]];
  const out: number[][] = [];
  for (const rest of permutations(n - 1)) {
    for (let at = 0; at <= rest.length; at += 1) out.push([...rest.slice(0, at), n - 1, ...rest.slice(at)]);
  }
  return out;
}
