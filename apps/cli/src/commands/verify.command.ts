import { SingleBar, Presets } from 'cli-progress';
import { iterateAll, verifyChain, type EventStore } from '#event-store';

export interface VerifyOutcome {
  readonly ok: boolean;
  readonly checked: number;
  readonly message: string;
}

/** Walks the stored log (ciphertext, no keys needed) and reports the first broken link. */
export async function verifyCommand(store: EventStore, options: { progress: boolean }): Promise<VerifyOutcome> {
  const head = await store.headPosition();
  const total = head === undefined ? 0 : await countEvents(store);
  const bar =
    options.progress && total > 0
      ? new SingleBar({ format: 'verifying {bar} {value}/{total} events' }, Presets.shades_classic)
      : undefined;
  bar?.start(total, 0);
  const report = await verifyChain(iterateAll(store, { pageSize: 2000 }), store.chainScope, (checked) => {
    if (checked % 500 === 0) bar?.update(checked);
  });
  bar?.update(report.checked);
  bar?.stop();
  if (report.ok) {
    // A per-stream chain (KurrentDB) cannot show a stream deleted whole: the store checks its own record.
    const completeness = await store.verifyCompleteness?.();
    if (completeness !== undefined && !completeness.ok) {
      const listed = completeness.problems.map((p) => `\n  stream ${p.stream}: ${p.reason}`).join('');
      const more = completeness.problemCount - completeness.problems.length;
      return {
        ok: false,
        checked: report.checked,
        message:
          `BROKEN: every chain of the ${report.checked} events is intact, but ${completeness.problemCount} ` +
          `stream(s) are not as the store's record of appends says:${listed}${more > 0 ? `\n  and ${more} more` : ''}`,
      };
    }
    const streams = completeness === undefined ? '' : `, ${completeness.streams} streams all present`;
    return {
      ok: true,
      checked: report.checked,
      message: `OK: ${report.checked} events, chain intact (${store.chainScope} chain)${streams}. Last hash ${report.lastHash}`,
    };
  }
  const b = report.firstBreak!;
  return {
    ok: false,
    checked: report.checked,
    message: `BROKEN after ${report.checked} good events: stream ${b.stream} revision ${b.revision} at position ${b.position}: ${b.reason}`,
  };
}

export async function countEvents(store: EventStore): Promise<number> {
  let n = 0;
  for await (const _ of iterateAll(store, { pageSize: 5000 })) n += 1;
  return n;
}
