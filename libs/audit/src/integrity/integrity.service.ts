import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, ProtectedEventStore, type EventStore } from '#event-store';
import { Clock, RuleBroken, type AppConfig } from '#platform';
import { ChainBrokenError, writeBundle } from './bundle-writer.js';
import { verifyLog, type LogIntegrityReport } from './log-verification.js';
import { loadSigningKey, signingKeySettingsFromEnv, type AuditSigningKey } from './signing-key.js';

/** The API's configuration token (apps/api InfrastructureModule); a string, so no import from apps/. */
export const APP_CONFIG_TOKEN = 'cpb:AppConfig';

@Injectable()
export class IntegrityService {
  private key: AuditSigningKey | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG_TOKEN) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The log as stored (sealed personal data): hashes were computed over this form. */
  private get raw(): EventStore {
    return this.store instanceof ProtectedEventStore ? this.store.raw : this.store;
  }

  async verify(tenantId: string): Promise<LogIntegrityReport & { checkedAt: string }> {
    const report = await verifyLog(this.raw, tenantId);
    return { ...report, checkedAt: this.clock.now().toISOString() };
  }

  /** Loaded on first use (generating the development key in DATA_DIR if none is configured). */
  signingKey(): AuditSigningKey {
    this.key ??= loadSigningKey(signingKeySettingsFromEnv(process.env, this.config.DATA_DIR, this.config.NODE_ENV));
    return this.key;
  }

  /**
   * A tenant's signed bundle, streamed. The chain is checked to the current head first, so a broken log
   * is refused (422) before anything is sent rather than half-way through a download.
   */
  async exportTenant(tenantId: string): Promise<Readable> {
    const key = this.signingKey();
    const until = await this.raw.headPosition();
    const report = await verifyLog(this.raw, tenantId);
    if (!report.ok) {
      throw new RuleBroken('chain-broken', 'The event log fails verification; no bundle is signed over it.', {
        position: report.firstBreak?.position,
      });
    }
    const lines = writeBundle(this.raw, key, { tenantId, exportedAt: this.clock.now().toISOString(), until });
    async function* withNewlines(): AsyncGenerator<string> {
      try {
        for await (const line of lines) yield `${line}\n`;
      } catch (error) {
        // Changed between the check and the export: end without a checkpoint (verify-bundle reports it).
        if (!(error instanceof ChainBrokenError)) throw error;
      }
    }
    return Readable.from(withNewlines());
  }
}
