import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CheckpointedSubscription,
  EVENT_STORE,
  BoardStreams,
  SqlSubscriptionCheckpoints,
  StreamOfAnotherTenant,
  type EventStore,
  type RecordedEvent,
} from '#event-store';
import { Clock, type CalendarJurisdiction } from '#platform';
import {
  moderationDeadlineDecider,
  moderationDeadlineStream,
  type ContributionEscalatedForSafeguarding,
  type ModerationDeadlineCommand,
} from '../../domain/index.js';
import { VoiceSettings } from '../../read-models/voice-settings/voice-settings.reader.js';
import { BoardCalendar } from './board-calendar.js';

/** The contribution events that start, meet or end a view's wait for a person. */
const FOLLOWED = [
  'ContributionSubmitted',
  'ContributionQuestionAnswered',
  'ContributionAccepted',
  'ContributionAcceptedWithRedactions',
  'ContributionQuestionAsked',
  'ContributionDeclined',
  'ContributionEscalatedForSafeguarding',
  'ContributionWithdrawn',
  'ContributionErased',
] as const;

const DECISIONS = {
  ContributionAccepted: 'accepted',
  ContributionAcceptedWithRedactions: 'accepted-with-redactions',
  ContributionQuestionAsked: 'question-asked',
  ContributionDeclined: 'declined',
} as const;

interface BoardWindow {
  readonly windowWorkingDays: number;
  readonly jurisdiction: CalendarJurisdiction;
}

/**
 * A process manager: follows every view's stream and keeps its moderation deadline
 * (`moderation-deadline-<id>`) in step, without touching the view's own decider. A view given (or an
 * author's answer to a question) starts a wait, unless the screen withheld it in the same command (its
 * safeguarding case has its own deadline); any moderator's decision meets it; withdrawal, erasure or an
 * answer the screen withholds cancels it.
 *
 * Its checkpoint is the last position seen, saved in the read database (CheckpointedSubscription): a
 * restart resumes there, and no poll re-reads the log from the last view event. Every command is
 * idempotent (its id is the source event's, and the decider decides nothing twice), so a second api
 * process, or a batch repeated after a crash, records nothing new.
 */
@Injectable()
export class ModerationDeadlineStarter implements OnApplicationBootstrap, OnApplicationShutdown {
  static readonly CHECKPOINT = 'voice:moderation-deadline-starter';
  private readonly logger = new Logger(ModerationDeadlineStarter.name);
  private subscription: CheckpointedSubscription | undefined;
  private checkpoints: SqlSubscriptionCheckpoints | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly settings: VoiceSettings,
    private readonly calendar: BoardCalendar,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.checkpoints = new SqlSubscriptionCheckpoints(this.db);
    this.subscription = new CheckpointedSubscription(this.store, {
      name: ModerationDeadlineStarter.CHECKPOINT,
      checkpoints: this.checkpoints,
      filter: { streamPrefixes: ['contribution-'], eventTypes: [...FOLLOWED] },
      batchSize: 200,
      pollIntervalMs: 500,
      now: () => this.clock.now(),
      handle: async (events) => {
        // The board's window and calendar, read once per board per batch.
        const windows = new Map<string, Promise<BoardWindow>>();
        for (const event of events) await this.follow(event, events, windows);
      },
      // Ids and the error's name only: never a young person's words.
      onError: (error, attempt) =>
        this.logger.warn(`keeping a moderation deadline failed (attempt ${attempt}): ${(error as Error).name}`),
    }).start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
    await this.checkpoints?.close();
  }

  /** Resolves once every view event appended so far has its deadline kept (for tests and the CLI). */
  async waitForIdle(): Promise<void> {
    await this.subscription?.waitFor(await this.store.headPosition());
  }

  private async follow(
    recorded: RecordedEvent,
    batch: readonly RecordedEvent[],
    windows: Map<string, Promise<BoardWindow>>,
  ): Promise<void> {
    const tenantId = recorded.metadata.tenantId;
    const command = await this.commandFor(recorded, batch, () => {
      let window = windows.get(tenantId);
      if (!window) {
        window = this.windowOf(tenantId);
        windows.set(tenantId, window);
      }
      return window;
    });
    if (command === undefined) return;
    try {
      await new BoardStreams(this.store).write(
        moderationDeadlineDecider,
        moderationDeadlineStream(command.data.contributionId),
        command,
        {
          tenantId,
          actor: { id: 'system:moderation-deadline', role: 'system' },
          // One command per source event: a replay (restart, second process) is answered as the first time.
          commandId: `moderation-deadline-${recorded.id}`,
          correlationId: recorded.metadata.correlationId,
          causationId: recorded.id,
          now: this.clock.now().toISOString(),
        },
        { id: command.data.contributionId },
      );
    } catch (error) {
      // Someone else's stream under this name: never written to, and not retried for ever.
      if (error instanceof StreamOfAnotherTenant) {
        this.logger.warn(`moderation deadline stream of another tenant for event ${recorded.id}: skipped`);
        return;
      }
      throw error;
    }
  }

  private async commandFor(
    recorded: RecordedEvent,
    batch: readonly RecordedEvent[],
    window: () => Promise<BoardWindow>,
  ): Promise<ModerationDeadlineCommand | undefined> {
    const { contributionId, at } = recorded.data as { contributionId: string; at: string };
    switch (recorded.type) {
      case 'ContributionSubmitted':
      case 'ContributionQuestionAnswered': {
        // Withheld by the screen in the same command: its safeguarding case carries the deadline.
        if (await this.withheldByScreen(recorded, batch)) return undefined;
        const reason = recorded.type === 'ContributionSubmitted' ? 'submitted' : 'answered';
        return { type: 'StartModerationDeadline', data: { contributionId, reason, ...(await window()), at } };
      }
      case 'ContributionAccepted':
      case 'ContributionAcceptedWithRedactions':
      case 'ContributionQuestionAsked':
      case 'ContributionDeclined':
        return { type: 'MeetModerationDeadline', data: { contributionId, decision: DECISIONS[recorded.type], at } };
      case 'ContributionEscalatedForSafeguarding': {
        const { reason } = recorded.data as ContributionEscalatedForSafeguarding['data'];
        return reason === 'moderator'
          ? { type: 'MeetModerationDeadline', data: { contributionId, decision: 'escalated-for-safeguarding', at } }
          : { type: 'CancelModerationDeadline', data: { contributionId, reason: 'withheld-by-screen', at } };
      }
      case 'ContributionWithdrawn':
        return { type: 'CancelModerationDeadline', data: { contributionId, reason: 'withdrawn', at } };
      case 'ContributionErased':
        return { type: 'CancelModerationDeadline', data: { contributionId, reason: 'erased', at } };
      default:
        return undefined;
    }
  }

  /** Whether the screen escalated this view (or answer) in the same command: the next event of its stream. */
  private async withheldByScreen(recorded: RecordedEvent, batch: readonly RecordedEvent[]): Promise<boolean> {
    const revision = recorded.revision + 1n;
    const next =
      batch.find((event) => event.stream === recorded.stream && event.revision === revision) ??
      (await this.store.readStream(recorded.stream, { from: revision, maxCount: 1 }))[0];
    return (
      next !== undefined &&
      next.type === 'ContributionEscalatedForSafeguarding' &&
      next.metadata.commandId === recorded.metadata.commandId &&
      (next.data as ContributionEscalatedForSafeguarding['data']).reason === 'screen'
    );
  }

  private async windowOf(tenantId: string): Promise<BoardWindow> {
    const [state, jurisdiction] = await Promise.all([
      this.settings.state(tenantId),
      this.calendar.jurisdiction(tenantId),
    ]);
    return { windowWorkingDays: state.moderationWindowWorkingDays, jurisdiction };
  }
}
