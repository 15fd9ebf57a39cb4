import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BoardStreams, EVENT_STORE, type EventStore } from '#event-store';
import { Clock } from '#platform';
import { moderationDeadlineDecider, moderationDeadlineStream } from '../../domain/index.js';
import { ModerationLeadResolver } from '../../read-models/voice-settings/moderation-lead.resolver.js';
import { isPast, waitingDeadlines } from '../../read-models/moderation-deadlines/moderation-deadlines.reader.js';

const SWEEP_EVERY_MS = 60_000;

/**
 * The deadline: views still unread past their moderation window are escalated to the board's moderation
 * lead (as it stands now). Durable without a timer store, like the safeguarding sweeper: the due views
 * are found again in the read model at every sweep (and after a restart), and the decider makes a
 * repeat decide nothing. Two api processes sweeping at once send the same command id for the same
 * round: one appends, the other is answered with the first's events (or decides nothing).
 */
@Injectable()
export class OverdueModerationSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OverdueModerationSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly leads: ModerationLeadResolver,
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

  /** Escalates every view due now; answers how many were escalated. One sweep at a time. */
  sweep(): Promise<number> {
    this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(): Promise<number> {
    const now = this.clock.now().toISOString();
    const due = (await waitingDeadlines(this.db, null)).filter((row) => row.escalated_at === null && isPast(row, now));
    const leads = new Map<string, Promise<string | null>>();
    let escalated = 0;
    for (const row of due) {
      const tenantId = row.tenant_id;
      const contributionId = row.contribution_id;
      const round = row.round;
      try {
        let lead = leads.get(tenantId);
        if (!lead) {
          lead = this.leads.forTenant(tenantId).then((resolved) => resolved.lead);
          leads.set(tenantId, lead);
        }
        const { decided, result } = await new BoardStreams(this.store).write(
          moderationDeadlineDecider,
          moderationDeadlineStream(contributionId),
          { type: 'EscalateOverdueModeration', data: { contributionId, lead: await lead, at: now } },
          {
            tenantId,
            actor: { id: 'system:overdue-moderation-sweeper', role: 'system' },
            // Once a round, whichever process sends it.
            commandId: `escalate-moderation-${contributionId}-${round}`,
            correlationId: `escalate-moderation-${contributionId}-${round}`,
            now,
          },
          { id: contributionId },
        );
        if (result.revision !== null && !result.duplicate) escalated += decided.length;
      } catch (error) {
        this.logger.warn(`escalating overdue moderation of view ${contributionId} failed: ${(error as Error).name}`);
      }
    }
    return escalated;
  }
}
