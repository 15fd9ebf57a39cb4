import { HttpException, Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  decodeRow,
  EVENT_STORE,
  physicalTableName,
  ProjectionRunner,
  readRegistry,
  type EventStore,
} from '#event-store';
import { NotFound, problem } from '#platform';
import { hashReceiptCode, normaliseReceiptCode } from '../../domain/index.js';
import { RECEIPT_PEPPER } from '../../commands/receipt-pepper.provider.js';
import { contributionReceiptsProjection, RECEIPTS, type ReceiptStep } from './contribution-receipts.projection.js';

/** A view found by its receipt code, as the receipts read model holds it. */
export interface ReceiptRow {
  readonly contributionId: string;
  readonly receiptHash: string;
  readonly tenantId: string;
  readonly authorPseudonym: string;
  readonly sharing: string;
  readonly steps: readonly ReceiptStep[];
  readonly question?: string;
  readonly feedback?: string;
}

// Same words for a code that was never given and one that was erased: nothing to learn by guessing.
const UNKNOWN = 'We could not find a view with that receipt code. Please check the code and try again.';
// A view given a moment ago may not be in the read model yet: how long to wait for it before saying no.
const CATCH_UP_MS = 3000;
// Still behind after that (a restart catching up on a long log): "not found" would be a lie to a child
// holding a good code. The answer depends only on the read model's lag, never on the code.
const STILL_SAVING =
  'Your view is still being saved. Please try again in a moment: your receipt code has not been lost.';

/** Turns a typed-in code into its hash (400 for a typing mistake) and finds its view (404 if none). */
@Injectable()
export class ReceiptLookup {
  constructor(
    private readonly db: DataSource,
    @Inject(RECEIPT_PEPPER) private readonly pepper: string,
    @Optional() private readonly runner?: ProjectionRunner,
    @Optional() @Inject(EVENT_STORE) private readonly store?: EventStore,
  ) {}

  /** Throws InvalidReceiptCode (400) for a code that fails its check symbol. */
  hash(code: string): string {
    return hashReceiptCode(normaliseReceiptCode(code), this.pepper);
  }

  async find(code: string): Promise<ReceiptRow> {
    const receiptHash = this.hash(code);
    const found = await this.read(receiptHash);
    if (found) return found;
    const waited = await this.catchUp();
    if (waited === 'still-behind') throw new HttpException(problem(503, 'still-saving', STILL_SAVING), 503);
    // Read again even when it "was current": the view may have been projected between the first read and
    // the lag check (then the lag is 0 and the row is there).
    const late = await this.read(receiptHash);
    if (!late) throw new NotFound(UNKNOWN);
    return late;
  }

  /**
   * Waits (briefly) while the receipts read model is behind the log: a young person checking the code they
   * were just given must not be told it does not exist. Behind includes events written but not yet
   * readable (on PostgreSQL, while an older transaction is still open): the read model's lag is measured
   * to the readable head, so it can be 0 while the view just given is still out of sight.
   */
  private async catchUp(): Promise<'current' | 'still-behind'> {
    if (!this.runner) return 'current';
    const deadline = Date.now() + CATCH_UP_MS;
    while (Date.now() < deadline) {
      // Out of sight first, then the lag: once nothing committed is hidden, the lag read afterwards counts
      // every view given before this check. The other order raced: the lag read 0 while the view was
      // hidden, then it came into sight before the hidden check, and a good code was told "not found".
      const hidden = (await this.store?.hasHiddenAppends?.()) ?? false;
      const status = await this.runner.statusOf(contributionReceiptsProjection.name);
      if (!hidden && status.lag === 0) return 'current';
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return 'still-behind';
  }

  private async read(receiptHash: string): Promise<ReceiptRow | undefined> {
    const registry = await readRegistry(this.db, contributionReceiptsProjection.name);
    if (!registry) return undefined;
    const table = physicalTableName(RECEIPTS.name, registry.liveVersion);
    const raw = await this.db
      .createQueryBuilder()
      .select('*')
      .from(table, 't')
      .where('t.receipt_hash = :receiptHash', { receiptHash })
      .getRawOne<Record<string, unknown>>();
    if (!raw) return undefined;
    const row = decodeRow(RECEIPTS, raw);
    return {
      contributionId: row.contribution_id,
      receiptHash,
      tenantId: row.tenant_id,
      authorPseudonym: row.author_pseudonym,
      sharing: row.sharing,
      steps: row.steps,
      question: row.question ?? undefined,
      feedback: row.feedback ?? undefined,
    };
  }
}
