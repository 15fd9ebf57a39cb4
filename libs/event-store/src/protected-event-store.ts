import type { NewEvent, Position, RecordedEvent } from './port/envelope.js';
import type {
  AppendOptions,
  AppendResult,
  ChainScope,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
} from './port/event-store.port.js';
import { openSealed, PersonalDataCipher, sealClaim, sealedSubjects } from './personal-data/personal-data-cipher.js';
import type { PersonalDataPolicy } from './personal-data/personal-data-policy.js';
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
 * integrity checks run on `raw`, over what is stored.
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
    const keys = subjects.size === 0 ? new Map<string, Buffer>() : await this.keys.getMany([...subjects]);
    return page.map((event) => {
      const data = openSealed(event.data, keys);
      return this.upcasters.upcast(data === event.data ? event : { ...event, data });
    });
  }
}
