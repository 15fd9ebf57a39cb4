import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BoardStreams, EVENT_STORE, type EventStore } from '#event-store';
import { Clock } from '#platform';
import { safeguardingCaseDecider, safeguardingCaseStream } from '../../domain/index.js';
import { projectedRows } from '../../read-models/projected-rows.js';
import {
  SAFEGUARDING_CASES_TABLE,
  safeguardingCasesProjection,
} from '../../read-models/safeguarding-queue/safeguarding-cases.projection.js';

const SWEEP_EVERY_MS = 60_000;

/**
 * The deadline: cases open, unacknowledged and not yet escalated whose dueBy has passed are escalated
 * to the deputy. Durable without a timer store: the due cases are found again in the read model at
 * every sweep (and after a restart), and the decider makes a repeat decide nothing ("fires once").
 */
@Injectable()
export class OverdueCaseSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OverdueCaseSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Escalates every case due now; answers how many were escalated. One sweep at a time. */
  sweep(): Promise<number> {
    this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(): Promise<number> {
    const now = this.clock.now().toISOString();
    const due = await projectedRows(
      this.db,
      safeguardingCasesProjection,
      SAFEGUARDING_CASES_TABLE,
      null,
      {
        sql: "t.status = 'open' AND t.acknowledged_at IS NULL AND t.escalated_to_deputy_at IS NULL",
        params: {},
      },
      ['due_by', 'case_id'],
    );
    let escalated = 0;
    for (const row of due) {
      // ISO instants in UTC compare as instants; the decider checks again.
      if (Date.parse(row.due_by) > Date.parse(now)) continue;
      const caseId = row.case_id;
      try {
        const { decided, result } = await new BoardStreams(this.store).write(
          safeguardingCaseDecider,
          safeguardingCaseStream(caseId),
          { type: 'EscalateOverdueCase', data: { caseId, at: now } },
          {
            tenantId: row.tenant_id,
            actor: { id: 'system:overdue-case-sweeper', role: 'system' },
            commandId: `escalate-${caseId}`,
            correlationId: `escalate-${caseId}`,
            now,
          },
          { id: caseId },
        );
        if (result.revision !== null && !result.duplicate) escalated += decided.length;
      } catch (error) {
        this.logger.warn(`escalating overdue case ${caseId} failed: ${(error as Error).name}`);
      }
    }
    return escalated;
  }
}
