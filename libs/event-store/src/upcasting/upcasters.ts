/** Turns data of schema version N into data of version N + 1. Pure. */
export type Upcaster = (data: unknown) => unknown;

export interface Versioned {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/**
 * Upcasters keyed by (event type, schema version). Stored events are never rewritten: old versions
 * are brought up to date as they are read. Personal values that were erased reach an upcaster as
 * the ERASED marker, so upcasters must carry unknown values through untouched.
 */
export class Upcasters {
  private readonly steps = new Map<string, Map<number, Upcaster>>();

  /** Registers the step from `fromVersion` to `fromVersion + 1`. */
  register(type: string, fromVersion: number, upcaster: Upcaster): this {
    if (!Number.isInteger(fromVersion) || fromVersion < 1) {
      throw new Error(`upcaster for ${type}: schema versions start at 1, got ${fromVersion}`);
    }
    let byVersion = this.steps.get(type);
    if (byVersion === undefined) {
      byVersion = new Map();
      this.steps.set(type, byVersion);
    }
    if (byVersion.has(fromVersion)) {
      throw new Error(`upcaster for ${type} v${fromVersion} -> v${fromVersion + 1} is registered twice`);
    }
    byVersion.set(fromVersion, upcaster);
    return this;
  }

  /** The version new events of this type should be written at: one past the last upcaster, else 1. */
  currentVersion(type: string): number {
    let version = 1;
    while (this.steps.get(type)?.has(version)) version += 1;
    return version;
  }

  /** The event brought to the newest version its upcasters reach; unchanged (same object) if none applies. */
  upcast<E extends Versioned>(event: E): E {
    const byVersion = this.steps.get(event.type);
    if (byVersion === undefined) return event;
    let version = event.schemaVersion;
    let data = event.data;
    for (let step = byVersion.get(version); step !== undefined; step = byVersion.get(version)) {
      data = step(data);
      version += 1;
    }
    return version === event.schemaVersion ? event : { ...event, schemaVersion: version, data };
  }
}
