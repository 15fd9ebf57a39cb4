import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Presets, SingleBar } from 'cli-progress';
import type { EventStore } from '#event-store';
// The bundle code without Nest (the audit's contract for it, not the #audit door with its module).
import {
  ChainBrokenError,
  writeBundle,
  type AuditSigningKey,
} from '../../../../libs/audit/src/contracts/export-bundles.js';
import { countEvents } from './verify.command.js';

export interface ExportOutcome {
  readonly ok: boolean;
  readonly message: string;
}

export interface ExportOptions {
  readonly out: string;
  /** One tenant's events (others as opaque gaps); the whole log when absent. */
  readonly tenantId?: string;
  readonly progress: boolean;
  readonly exportedAt: string;
}

/**
 * Writes a signed bundle of the stored log to `out` (through a temporary file, so a failed export never
 * leaves something that looks like a bundle). Refuses to sign a log whose chain is broken.
 */
export async function exportCommand(
  store: EventStore,
  key: AuditSigningKey,
  options: ExportOptions,
): Promise<ExportOutcome> {
  const until = await store.headPosition();
  const total = until === undefined ? 0 : await countEvents(store);
  const bar =
    options.progress && total > 0
      ? new SingleBar({ format: 'exporting {bar} {value}/{total} events' }, Presets.shades_classic)
      : undefined;
  bar?.start(total, 0);
  let lines = 0;
  let events = 0;
  async function* body(): AsyncGenerator<string> {
    for await (const line of writeBundle(store, key, {
      tenantId: options.tenantId,
      exportedAt: options.exportedAt,
      until,
      onEvent: (read) => {
        events = read;
        if (read % 500 === 0) bar?.update(read);
      },
    })) {
      lines += 1;
      yield `${line}\n`;
    }
  }
  const temporary = `${options.out}.partial`;
  try {
    await pipeline(Readable.from(body()), createWriteStream(temporary, { mode: 0o600 }));
    renameSync(temporary, options.out);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof ChainBrokenError) {
      return { ok: false, message: `REFUSED: ${error.message}. Run "cpb verify" for details.` };
    }
    throw error;
  } finally {
    bar?.update(events);
    bar?.stop();
  }
  const scope = options.tenantId === undefined ? 'whole log' : `tenant ${options.tenantId}`;
  return {
    ok: true,
    message: `Wrote ${options.out}: ${scope}, ${events} events read, ${lines} lines, signed with key ${key.keyId}`,
  };
}
