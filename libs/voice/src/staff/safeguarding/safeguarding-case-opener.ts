import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CatchUpSubscription, EVENT_STORE, handleCommand, type EventStore, type RecordedEvent } from '#event-store';
import { Clock, RuleBroken } from '#platform';
import {
  safeguardingCaseDecider,
  safeguardingCaseStream,
  type ContributionEscalatedForSafeguarding,
} from '../../domain/index.js';
import { SafeguardingLeads } from './safeguarding-leads.js';

/** Minutes the named lead has to acknowledge a case while the board has not configured its window. */
export { DEFAULT_ACKNOWLEDGE_WITHIN_MINUTES } from '../../settings/safeguarding-owners.resolver.js';

/** What a case records as its categories when the view was erased before the case opened. */
export const ERASED_CATEGORIES = 'erased-before-case-opened';

/** A view's case has an id derived from the view: one case per escalated view, whoever raised it. */
export const caseIdFor = (contributionId: string): string => `case-${contributionId}`;

/**
 * A process manager: every ContributionEscalatedForSafeguarding (by the screen at submission, or by a
 * moderator) opens the view's safeguarding case. It reads the whole log from the start at every boot:
 * opening is idempotent (the same command id, and the decider refuses a second opening), so no checkpoint
 * is needed for correctness. A board with a single safeguarding lead opens the case with no deputy; only a
 * board with no lead at all waits (the next boot tries again).
 */
@Injectable()
export class SafeguardingCaseOpener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SafeguardingCaseOpener.name);
  private subscription: CatchUpSubscription | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly leads: SafeguardingLeads,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = new CatchUpSubscription(this.store, {
      filter: { streamPrefixes: ['contribution-'], eventTypes: ['ContributionEscalatedForSafeguarding'] },
      batchSize: 100,
      pollIntervalMs: 500,
      handle: async (events) => {
        for (const event of events) await this.open(event);
      },
      // Ids and the error's name only: never a young person's words.
      onError: (error, attempt) =>
        this.logger.warn(`opening a safeguarding case failed (attempt ${attempt}): ${(error as Error).name}`),
    }).start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  /** Resolves once every escalation appended so far has its case (for tests and the CLI). */
  async waitForIdle(): Promise<void> {
    await this.subscription?.waitFor(await this.store.headPosition());
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
      await handleCommand(
        this.store,
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
      );
    } catch (error) {
      // Already opened (a replay after a restart): nothing to do.
      if (error instanceof RuleBroken && error.code === 'case-already-opened') return;
      throw error;
    }
  }
}
