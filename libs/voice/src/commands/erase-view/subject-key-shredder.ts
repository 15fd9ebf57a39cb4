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
  ProtectedEventStore,
  subscriptionCheckpoints,
  type EventStore,
  type SubscriptionCheckpoints,
} from '#event-store';
import type { ContributionErased } from '../../domain/index.js';
import { ReadDatabaseFlusher } from './read-database-flusher.js';

/**
 * Destroys the key of every erased subject (crypto-shredding: the sealed words become unreadable for
 * good, the stored events and so the hash chain are untouched).
 *
 * Why a subscriber as well as the route: the route appends ContributionErased first, then destroys the
 * key at once. If the process dies between the two, the event (the durable record of the decision) is
 * still there, and this subscription destroys the key when it reaches it. Its checkpoint is the last
 * position seen, saved in the read database only after the batch is handled (CheckpointedSubscription):
 * a crash repeats at most that batch, never skips an erasure, and no poll or boot re-reads the log from
 * the start (it did, and every append then scanned the whole log: issue 21). Destroying is idempotent
 * (an absent key is a no-op), so a repeated batch is harmless. The other order (destroy, then append)
 * was rejected: a crash between them would leave the read models holding the words with no event to
 * tell them to scrub.
 */
@Injectable()
export class SubjectKeyShredder implements OnApplicationBootstrap, OnApplicationShutdown {
  static readonly CHECKPOINT = 'voice:subject-key-shredder';
  private readonly logger = new Logger(SubjectKeyShredder.name);
  private subscription: CheckpointedSubscription | undefined;
  private checkpoints: SubscriptionCheckpoints | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    // Absent outside the app (no read database): only the keys are then destroyed.
    @Optional() private readonly readDatabase?: ReadDatabaseFlusher,
    // Absent outside the app: the checkpoint is then kept in memory (each instance reads from the start).
    @Optional() private readonly db?: DataSource,
  ) {}

  /** Whether this store seals personal data (an unprotected store has no keys to destroy). */
  get canDestroyKeys(): boolean {
    return this.store instanceof ProtectedEventStore;
  }

  onApplicationBootstrap(): void {
    if (!this.canDestroyKeys) {
      this.logger.warn('the event store does not seal personal data: erasure cannot destroy keys');
      return;
    }
    this.checkpoints = subscriptionCheckpoints(this.db);
    this.subscription = new CheckpointedSubscription(this.store, {
      name: SubjectKeyShredder.CHECKPOINT,
      checkpoints: this.checkpoints,
      filter: { streamPrefixes: ['contribution-'], eventTypes: ['ContributionErased'] },
      batchSize: 100,
      pollIntervalMs: 500,
      handle: async (events) => {
        for (const event of events) await this.destroy((event.data as ContributionErased['data']).subject);
        if (events.length > 0) await this.readDatabase?.afterErasure(events.at(-1)!.position);
      },
      // The error's name only: never a subject or a young person's words.
      onError: (error, attempt) =>
        this.logger.warn(`destroying an erased subject's key failed (attempt ${attempt}): ${(error as Error).name}`),
    }).start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
    await this.checkpoints?.close?.();
  }

  /** Destroys the subject's key; true when there was one (false on a replay). */
  async destroy(subject: string): Promise<boolean> {
    if (!(this.store instanceof ProtectedEventStore)) {
      throw new Error('the event store does not seal personal data: erasure cannot destroy keys');
    }
    return this.store.eraseSubject(subject);
  }

  /** Resolves once every erasure appended so far has had its key destroyed (for tests and the CLI). */
  async waitForIdle(): Promise<void> {
    await this.subscription?.waitFor(await this.store.headPosition());
  }
}
