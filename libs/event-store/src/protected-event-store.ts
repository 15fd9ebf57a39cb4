import type { NewEvent, Position, RecordedEvent, UnreadableReason } from './port/envelope.js';
import type {
  AppendOptions,
  AppendResult,
  ChainScope,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
} from './port/event-store.port.js';
import {
  openSealedLeniently,
  PersonalDataCipher,
  sealClaim,
  sealedSubjects,
} from './personal-data/personal-data-cipher.js';
import type { PersonalDataPolicy } from './personal-data/personal-data-policy.js';
import { SubjectKeyUnwrapFailed } from './personal-data/personal-data.errors.js';
import type { SubjectKeyStore } from './personal-data/subject-key-store.port.js';
import { Upcasters } from './upcasting/upcasters.js';

export interface ProtectedEventStoreOptions {
  /** The adapter that stores what this layer hands it (sealed data). */
  readonly store: EventStore;
  readonly keys: SubjectKeyStore;
  readonly policy: PersonalDataPolicy;
  readonly upcasters?: Upcasters;
}

/**
 * The event store the application uses: personal data is sealed per subject before it reaches the
 * adapter, and opened (then upcast) as it is read. Reads therefore do not match the stored hashes;
 * integrity checks run on `raw`, over what is stored (and so do a board's export's board reads: this
 * store has none of its own).
 *
 * A read never fails because of one subject's key or one sealed value: a key that does not unwrap (a
 * process with another master key wrapped it) or a value that does not authenticate reads as UNREADABLE,
 * and the event carries `unreadable` saying why, so projections count it and carry on with the rest.
 */
export class ProtectedEventStore implements EventStore {
  readonly name: string;
  readonly chainScope: ChainScope;
  /** The underlying adapter: stored (sealed, never upcast) events, for integrity verification. */
  readonly raw: EventStore;
  readonly cipher: PersonalDataCipher;
  private readonly keys: SubjectKeyStore;
  private readonly upcasters: Upcasters;

  constructor(options: ProtectedEventStoreOptions) {
    this.raw = options.store;
    this.name = options.store.name;
    this.chainScope = options.store.chainScope;
    this.keys = options.keys;
    this.upcasters = options.upcasters ?? new Upcasters();
    this.cipher = new PersonalDataCipher(options.policy, options.keys);
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const claims = events.map((event) => this.cipher.claim(event.type, event.data));
    // One key look-up per subject per batch, in order, so a new subject's key is created once.
    const keys = new Map<string, Buffer>();
    for (const claim of claims) {
      if (claim !== undefined && !keys.has(claim.subject)) {
        keys.set(claim.subject, await this.keys.getOrCreate(claim.subject));
      }
    }
    const sealed = events.map((event, i) => {
      const claim = claims[i];
      return claim === undefined ? event : { ...event, data: sealClaim(event.data, claim, keys.get(claim.subject)!) };
    });
    return this.raw.append(stream, sealed, options);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.present(await this.raw.readStream(stream, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.present(await this.raw.readAll(options));
  }

  /** Crypto-shredding: destroys the subject's key, so its sealed values read as ERASED from now on. */
  eraseSubject(subject: string): Promise<boolean> {
    return this.keys.destroy(subject);
  }

  headPosition(): Promise<Position | undefined> {
    return this.raw.headPosition();
  }

  waitForAppend(timeoutMs: number): Promise<void> {
    return this.raw.waitForAppend(timeoutMs);
  }

  hasHiddenAppends(): Promise<boolean> {
    return this.raw.hasHiddenAppends?.() ?? Promise.resolve(false);
  }

  ping(): Promise<void> {
    return this.raw.ping();
  }

  close(): Promise<void> {
    return this.raw.close();
  }

  // Open with one key query per page, then upcast the plaintext.
  private async present(page: RecordedEvent[]): Promise<RecordedEvent[]> {
    const subjects = new Set<string>();
    for (const event of page) sealedSubjects(event.data, subjects);
    const { keys, unreadable } =
      subjects.size === 0 ? { keys: new Map<string, Buffer>(), unreadable: NONE } : await this.openKeys([...subjects]);
    // The first reason met in the event being opened (one holder per page, no allocation per event).
    const seen: { reason?: UnreadableReason } = {};
    const note = (why: UnreadableReason): void => {
      seen.reason ??= why;
    };
    return page.map((event) => {
      seen.reason = undefined;
      const data = openSealedLeniently(event.data, keys, unreadable, note);
      const upcast = this.upcasters.upcast(data === event.data ? event : { ...event, data });
      return seen.reason === undefined ? upcast : { ...upcast, unreadable: seen.reason };
    });
  }

  /**
   * The page's keys in one query; when one of them does not unwrap, the subjects are halved until it is
   * found (a few more queries, only then), so the others' keys are still used.
   */
  private async openKeys(subjects: readonly string[]): Promise<{ keys: Map<string, Buffer>; unreadable: Set<string> }> {
    try {
      return { keys: await this.keys.getMany(subjects), unreadable: new Set() };
    } catch (error) {
      if (!(error instanceof SubjectKeyUnwrapFailed)) throw error;
      if (subjects.length === 1) return { keys: new Map(), unreadable: new Set(subjects) };
    }
    const half = Math.ceil(subjects.length / 2);
    const first = await this.openKeys(subjects.slice(0, half));
    const second = await this.openKeys(subjects.slice(half));
    for (const [subject, key] of second.keys) first.keys.set(subject, key);
    for (const subject of second.unreadable) first.unreadable.add(subject);
    return first;
  }
}

const NONE: ReadonlySet<string> = new Set();
