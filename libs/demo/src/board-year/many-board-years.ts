// Many boards' years in one store, for the insight benchmark (about 1,000,000 events) and load tests.
import { randomUUID } from 'node:crypto';
import { ProtectedEventStore, type EventStore, type NewEvent, type SubjectKeyStore } from '#event-store';
import { driveBoardYear } from './board-year.scenario.js';

export interface ManyBoardYearsOptions {
  /** How many boards (tenants), each with its own year. */
  readonly tenants: number;
  /** Tenant i is `${prefix}-t${i}` with ids starting `${prefix}${i}-`. */
  readonly prefix: string;
  readonly startOn?: string;
  readonly viewsPerMonth?: number;
  /** Board i uses seed + i. */
  readonly seed?: number;
  /**
   * 'drive' (default): every board's year goes through the deciders. 'clone': the first `templates`
   * boards are driven, the others are copies of one of them with their own tenant and ids, appended
   * as the deciders wrote them (about four times faster: no reads, folds or decisions).
   */
  readonly mode?: 'drive' | 'clone';
  /** Distinct years driven in 'clone' mode (default 8). */
  readonly templates?: number;
  /** Boards written at once (default 1). Helps a store that takes concurrent writers (PostgreSQL), not SQLite. */
  readonly concurrency?: number;
  /** Where to destroy erased authors' keys when `store` is not a ProtectedEventStore. */
  readonly keys?: Pick<SubjectKeyStore, 'destroy'>;
  /** Stop once at least this many events are written (the board under way finishes its year). */
  readonly stopAfterEvents?: number;
  /** Called after each board's year, e.g. to print progress. */
  readonly onYear?: (totals: { readonly boards: number; readonly events: number }) => void;
}

export interface ManyBoardYears {
  readonly boards: number;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly tenantIds: string[];
}

interface Template {
  readonly tenantId: string;
  readonly prefix: string;
  readonly appends: Array<{ stream: string; events: readonly NewEvent[] }>;
}

export async function appendManyBoardYears(store: EventStore, options: ManyBoardYearsOptions): Promise<ManyBoardYears> {
  const started = performance.now();
  const clone = options.mode === 'clone';
  const templateCount = clone ? Math.min(options.tenants, Math.max(1, options.templates ?? 8)) : options.tenants;
  const templates: Template[] = [];
  const done: number[] = [];
  let events = 0;
  const tenantOf = (i: number) => ({ tenantId: `${options.prefix}-t${i}`, prefix: `${options.prefix}${i}` });
  const drive = async (i: number): Promise<number> => {
    const template: Template = { ...tenantOf(i), appends: [] };
    const year = await driveBoardYear(store, {
      ...tenantOf(i),
      startOn: options.startOn,
      viewsPerMonth: options.viewsPerMonth,
      seed: (options.seed ?? 1) + i,
      keys: options.keys,
      onAppended: clone ? (stream, appended) => template.appends.push({ stream, events: appended }) : undefined,
    });
    if (clone) templates[i] = template;
    return year.facts.events.total;
  };
  const copy = (i: number): Promise<number> => {
    const { tenantId, prefix } = tenantOf(i);
    return cloneYear(store, templates[i % templateCount]!, tenantId, prefix, options.keys);
  };
  // Workers take the next board in turn; the templates are all driven before any copy is made.
  const runAll = async (from: number, to: number, job: (i: number) => Promise<number>): Promise<void> => {
    let next = from;
    const worker = async (): Promise<void> => {
      while (next < to && (options.stopAfterEvents === undefined || events < options.stopAfterEvents)) {
        const i = next++;
        // Not `events += await job(i)`: that reads `events` before the await and loses other workers' counts.
        const written = await job(i);
        events += written;
        done.push(i);
        options.onYear?.({ boards: done.length, events });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  };
  await runAll(0, templateCount, drive);
  await runAll(templateCount, options.tenants, copy);
  const seconds = (performance.now() - started) / 1000;
  const tenantIds = done.sort((a, b) => a - b).map((i) => tenantOf(i).tenantId);
  return { boards: done.length, events, seconds, eventsPerSecond: events / seconds, tenantIds };
}

/** Appends a driven year again as another board's: same story, its own tenant, ids and command ids. */
async function cloneYear(
  store: EventStore,
  template: Template,
  tenantId: string,
  prefix: string,
  keys: Pick<SubjectKeyStore, 'destroy'> | undefined,
): Promise<number> {
  // Every id the scenario makes starts with its prefix and a dash, after the start, a dash (stream
  // names, case ids), a colon (key subjects) or a slash (links); names start with the prefix and a space.
  const idPattern = new RegExp(`(^|[-:/])${escapeRegExp(template.prefix)}(?=[- ])`, 'g');
  const rename = (value: string): string =>
    value === template.tenantId
      ? tenantId
      : value === `board-${template.tenantId}`
        ? `board-${tenantId}`
        : value.replace(idPattern, `$1${prefix}`);
  const renamed = new Map<string, string>();
  const freshId = (id: string): string => {
    let fresh = renamed.get(id);
    if (fresh === undefined) renamed.set(id, (fresh = randomUUID()));
    return fresh;
  };
  let count = 0;
  for (const { stream, events } of template.appends) {
    const copies = events.map((event) => ({
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: renameStrings(event.data, rename),
      metadata: {
        ...event.metadata,
        tenantId,
        actor: { ...event.metadata.actor, id: rename(event.metadata.actor.id) },
        onBehalfOf: event.metadata.onBehalfOf && {
          ...event.metadata.onBehalfOf,
          id: rename(event.metadata.onBehalfOf.id),
        },
        commandId: freshId(event.metadata.commandId),
        correlationId: freshId(event.metadata.correlationId),
        causationId: freshId(event.metadata.causationId),
      },
    }));
    await store.append(rename(stream), copies, { expected: 'any' });
    count += copies.length;
    // An erasure in the story destroys the copy's key too.
    for (const copy of copies) {
      if (copy.type !== 'ContributionErased') continue;
      const subject = (copy.data as { subject: string }).subject;
      if (store instanceof ProtectedEventStore) await store.eraseSubject(subject);
      else await keys?.destroy(subject);
    }
  }
  return count;
}

function renameStrings(value: unknown, rename: (value: string) => string): unknown {
  if (typeof value === 'string') return rename(value);
  if (Array.isArray(value)) return value.map((item) => renameStrings(item, rename));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renameStrings(item, rename)]));
  }
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
