import { Readable } from 'node:stream';
import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { boardReadsOf, EVENT_STORE, ProtectedEventStore, type EventStore } from '#event-store';
import { Clock, RuleBroken, type AppConfig } from '#platform';
import { ChainBrokenError, LogChangedError, writeBoardBundle, writeBundle } from './bundle-writer.js';
import { verifyLog, type LogIntegrityReport } from './log-verification.js';
import { loadSigningKey, signingKeySettingsFromEnv, type AuditSigningKey } from './signing-key.js';
import {
  headIsGenuine,
  InMemoryVerifiedHeads,
  signHead,
  SqlVerifiedHeads,
  type VerifiedHead,
  type VerifiedHeads,
} from './verified-head.js';

export interface IntegrityCheck extends LogIntegrityReport {
  readonly checkedAt: string;
  /** Events checked by this request: those after the verified head it resumed from, or the whole log. */
  readonly checkedNow: number;
  /** The signed head this check resumed from; absent when it verified the whole log. */
  readonly resumedFrom?: { readonly position: string; readonly verifiedAt: string };
}

/** The API's configuration token (apps/api InfrastructureModule); a string, so no import from apps/. */
export const APP_CONFIG_TOKEN = 'cpb:AppConfig';

@Injectable()
export class IntegrityService implements OnApplicationShutdown {
  private key: AuditSigningKey | undefined;
  private readonly heads: VerifiedHeads;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG_TOKEN) private readonly config: AppConfig,
    private readonly clock: Clock,
    @Optional() db?: DataSource,
  ) {
    this.heads = db ? new SqlVerifiedHeads(db) : new InMemoryVerifiedHeads();
  }

  onApplicationShutdown(): Promise<void> {
    return this.heads.close();
  }

  /** The log as stored (sealed personal data): hashes were computed over this form. */
  private get raw(): EventStore {
    return this.store instanceof ProtectedEventStore ? this.store.raw : this.store;
  }

  /**
   * The chain from the last verified, signed head to the log's head (the whole log the first time, after
   * a break, or on a chain per stream), then the new head signed and kept: each check does the work of
   * what was appended since the last one, not of the whole log (issue 21). `cpb verify` checks it all.
   */
  async verify(tenantId: string): Promise<IntegrityCheck> {
    const raw = this.raw;
    const checkedAt = this.clock.now().toISOString();
    // One chain across the log resumes from a point; a chain per stream (KurrentDB) is checked whole.
    const resumable = raw.chainScope === 'global';
    const from = resumable ? await this.resumableHead() : undefined;
    const report = await verifyLog(raw, tenantId, { from });
    const events = (from?.events ?? 0) + report.eventsChecked;
    if (resumable && report.ok && report.headPosition !== undefined && report.eventsChecked > 0) {
      const head = signHead(this.signingKey(), {
        position: report.headPosition,
        hash: report.headHash,
        ...(report.beforeHead !== undefined ? { previous: report.beforeHead } : {}),
        events,
        verifiedAt: checkedAt,
      });
      await this.heads.save(head);
    }
    const { beforeHead: _, ...shown } = report;
    return {
      ...shown,
      eventsChecked: events,
      checkedNow: report.eventsChecked,
      checkedAt,
      ...(from ? { resumedFrom: { position: from.position, verifiedAt: from.verifiedAt } } : {}),
    };
  }

  /**
   * The kept head, when this key signed it and its own event is still in the log with the same hash;
   * otherwise none, and the check starts from the beginning.
   */
  private async resumableHead(): Promise<VerifiedHead | undefined> {
    const head = await this.heads.load();
    if (!head || !headIsGenuine(this.signingKey(), head)) return undefined;
    const [found] = await this.raw.readAll({ after: head.previous, maxCount: 1 });
    return found?.position === head.position && found.hash === head.hash ? head : undefined;
  }

  /** Loaded on first use (generating the development key in DATA_DIR if none is configured). */
  signingKey(): AuditSigningKey {
    this.key ??= loadSigningKey(signingKeySettingsFromEnv(process.env, this.config.DATA_DIR, this.config.NODE_ENV));
    return this.key;
  }

  /**
   * A tenant's signed bundle, streamed. The chain is checked to the current head first, so a broken log
   * is refused (422) before anything is sent rather than half-way through a download.
   *
   * On a global chain with a board index (SQLite, PostgreSQL) the check is `verify`'s, resuming from the
   * signed head, and the bundle is written from the board's events and the links at the edges of the runs
   * of other boards' events between them: the work is the board's events and what was appended since the
   * last check, not the whole log (issue 21, ADR 0027). Elsewhere (KurrentDB's chain per stream, stores
   * without the index) the whole log is verified and then read again.
   */
  async exportTenant(tenantId: string): Promise<Readable> {
    const key = this.signingKey();
    const raw = this.raw;
    const boards = raw.chainScope === 'global' ? boardReadsOf(raw) : undefined;
    let lines: AsyncGenerator<string>;
    if (boards) {
      const check = await this.verify(tenantId);
      this.refuseBroken(check);
      lines = writeBoardBundle(boards, key, {
        tenantId,
        exportedAt: this.clock.now().toISOString(),
        until: check.headPosition === undefined ? undefined : { position: check.headPosition, hash: check.headHash },
        events: check.eventsChecked,
      });
    } else {
      const until = await raw.headPosition();
      this.refuseBroken(await verifyLog(raw, tenantId));
      lines = writeBundle(raw, key, { tenantId, exportedAt: this.clock.now().toISOString(), until });
    }
    async function* withNewlines(): AsyncGenerator<string> {
      try {
        for await (const line of lines) yield `${line}\n`;
      } catch (error) {
        // Changed between the check and the export: end without a checkpoint (verify-bundle reports it).
        if (!(error instanceof ChainBrokenError) && !(error instanceof LogChangedError)) throw error;
      }
    }
    return Readable.from(withNewlines());
  }

  private refuseBroken(report: LogIntegrityReport): void {
    if (!report.ok) {
      throw new RuleBroken('chain-broken', 'The event log fails verification; no bundle is signed over it.', {
        position: report.firstBreak?.position,
      });
    }
  }
}
