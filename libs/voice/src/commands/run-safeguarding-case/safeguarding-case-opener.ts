import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CheckpointedSubscription,
  EVENT_STORE,
  BoardStreams,
  subscriptionCheckpoints,
  type EventFilter,
  type EventStore,
  type Position,
  type RecordedEvent,
  type SubscriptionCheckpoints,
} from '#event-store';
import { Clock, RuleBroken } from '#platform';
import {
  safeguardingCaseDecider,
  safeguardingCaseStream,
  type ContributionEscalatedForSafeguarding,
} from '../../domain/index.js';
import { SafeguardingLeads } from './safeguarding-leads.js';

/** Minutes the named lead has to acknowledge a case while the board has not configured its window. */
export { DEFAULT_ACKNOWLEDGE_WITHIN_MINUTES } from '../../read-models/voice-settings/safeguarding-owners.resolver.js';

/** What a case records as its categories when the view was erased before the case opened. */
export const ERASED_CATEGORIES = 'erased-before-case-opened';

/** A view's case has an id derived from the view: one case per escalated view, whoever raised it. */
export const caseIdFor = (contributionId: string): string => `case-${contributionId}`;

const ESCALATIONS: EventFilter = {
  streamPrefixes: ['contribution-'],
  eventTypes: ['ContributionEscalatedForSafeguarding'],
};

/**
 * A process manager: every ContributionEscalatedForSafeguarding (by the screen at submission, or by a
 * moderator) opens the view's safeguarding case. Its checkpoint is the last position seen, saved in the
 * read database after each batch (CheckpointedSubscription), so no poll re-reads the log from the start
 * (it did, and every append then scanned the whole log: issue 21). Opening is idempotent (the same command
 * id, and the decider refuses a second opening), so a batch repeated after a crash opens nothing twice.
 * A board with a single safeguarding lead opens the case with no deputy; only a board with no lead at all
 * waits: its escalations stay in the safeguarding queue without a case, and the next boot's one pass over
 * the escalations opens them once the board has a lead.
 */
@Injectable()
export class SafeguardingCaseOpener implements OnApplicationBootstrap, OnApplicationShutdown {
  static readonly CHECKPOINT = 'voice:safeguarding-case-opener';
  private readonly logger = new Logger(SafeguardingCaseOpener.name);
  private subscription: CheckpointedSubscription | undefined;
  private checkpoints: SubscriptionCheckpoints | undefined;
  private waiting: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly leads: SafeguardingLeads,
    private readonly clock: Clock,
    // Absent outside the app: the checkpoint is then kept in memory (each instance reads from the start).
    @Optional() private readonly db?: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.checkpoints = subscriptionCheckpoints(this.db);
    this.subscription = new CheckpointedSubscription(this.store, {
      name: SafeguardingCaseOpener.CHECKPOINT,
      checkpoints: this.checkpoints,
      filter: ESCALATIONS,
      batchSize: 100,
      pollIntervalMs: 500,
      now: () => this.clock.now(),
      handle: async (events) => {
        for (const event of events) await this.open(event);
      },
      // Ids and the error's name only: never a young person's words.
      onError: (error, attempt) =>
        this.logger.warn(`opening a safeguarding case failed (attempt ${attempt}): ${(error as Error).name}`),
    }).start();
    // A first boot has no checkpoint: the subscription itself reads every escalation.
    this.waiting = this.checkpoints
      .load(SafeguardingCaseOpener.CHECKPOINT)
      .then((saved) => this.openWaiting(saved))
      .catch((error: unknown) =>
        this.logger.warn(`opening waiting safeguarding cases failed: ${(error as Error).name}`),
      );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
    await this.waiting;
    await this.checkpoints?.close?.();
  }

  /** Resolves once every escalation appended so far has its case (for tests and the CLI). */
  async waitForIdle(): Promise<void> {
    await this.subscription?.waitFor(await this.store.headPosition());
    await this.waiting;
  }

  /**
   * Once per boot, behind the checkpoint: the cases of boards that had no safeguarding lead when their
   * escalations were seen. Every escalation is offered again; those with a case already open do nothing.
   */
  private openWaiting(upTo: Position | undefined): Promise<void> {
    const pass = async (): Promise<void> => {
      let after: Position | undefined;
      while (upTo !== undefined) {
        const page = await this.store.readAll({ after, filter: ESCALATIONS, maxCount: 200 });
        const behind = page.filter((event) => event.position <= upTo);
        for (const event of behind) await this.open(event);
        if (behind.length < page.length || page.length < 200) return;
        after = page.at(-1)!.position;
      }
    };
    return pass().catch((error: unknown) =>
      this.logger.warn(`opening waiting safeguarding cases failed: ${(error as Error).name}`),
    );
  }

  private async open(recorded: RecordedEvent): Promise<void> {
    const { contributionId, reason, categories, at } = recorded.data as ContributionEscalatedForSafeguarding['data'];
    const tenantId = recorded.metadata.tenantId;
    const owners = await this.leads.forTenant(tenantId);
    if (!owners) {
      // Not retried in a loop (it would hold up every other board's cases): the view still shows in the
      // safeguarding queue without a case, and the next boot tries again.
      this.logger.warn(`no safeguarding lead in tenant ${tenantId}: case not opened yet`);
      return;
    }
    const caseId = caseIdFor(contributionId);
    try {
      await new BoardStreams(this.store).write(
        safeguardingCaseDecider,
        safeguardingCaseStream(caseId),
        {
          type: 'OpenSafeguardingCase',
          data: {
            caseId,
            contributionId,
            // An erased view's categories read back as { $erased: true }: the case still opens, saying so.
            categories: Array.isArray(categories) ? [...new Set(categories)] : [ERASED_CATEGORIES],
            source: reason,
            // The board's configured window and owners (or the defaults), as they stand when the case opens.
            ...owners,
            // The clock starts when the view was escalated, not when this process saw it.
            at,
          },
        },
        {
          tenantId,
          actor: { id: 'system:safeguarding-case-opener', role: 'system' },
          commandId: `open-${caseId}`,
          correlationId: recorded.metadata.correlationId,
          causationId: recorded.id,
          now: this.clock.now().toISOString(),
        },
        { id: caseId },
      );
    } catch (error) {
      // Already opened (a replay after a restart): nothing to do.
      if (error instanceof RuleBroken && error.code === 'case-already-opened') return;
      throw error;
    }
  }
}
