// Writes to the demo board (DEMO_SEED=board) over HTTP, each with its own Idempotency-Key, from which the
// product derives the events' command id (a keyed hash of it, under the install's pepper): so every
// acknowledged write can be found in the log again, whatever happened to the process in between. Young
// people's views carry synthetic words only.
import { idForNew, type CommandContext } from '#event-store';
import { ServerPepper } from '#platform';
import { configureDemoBoard, FAULT_RECEIPT_PEPPER, signIn } from '../../support/processes.js';
import type { StoredEvent } from './sqlite-log.js';

export const BOARD = 'northshire';
const PEPPER = new ServerPepper(FAULT_RECEIPT_PEPPER);
export type WriteKind = 'view' | 'agenda-item' | 'meeting';

/** A write the api answered 2xx: what it said, and where its events must be. */
export interface AckedWrite {
  readonly kind: WriteKind;
  /** The Idempotency-Key sent. */
  readonly key: string;
  /** The command id of every event it recorded (derived from the key). */
  readonly commandId: string;
  readonly stream: string;
  /** The event types the answer named (a view's answer names none: one ContributionSubmitted). */
  readonly events: readonly string[];
  readonly itemId?: string;
  readonly receiptCode?: string;
}

/** What one request came to. */
export interface WriteOutcome {
  /**
   * The status; or 'no-answer' (the connection closed or reset under the request: it may or may not have
   * been written), 'refused' (no process listening: certainly not written) or 'timeout'.
   */
  readonly status: number | 'no-answer' | 'refused' | 'timeout';
  readonly acked?: AckedWrite;
  /** For a refusal: the problem's type and content type, and how long the answer took. */
  readonly problemType?: string;
  readonly contentType?: string;
  readonly ms: number;
}

const SENTENCE = 'Synthetic fault-test view about youth club opening hours and the bus timetable. ';

/** Synthetic words of about `chars` characters (a view may have up to 5,000). */
export function syntheticText(n: number, chars = 120): string {
  const body = `Synthetic view ${n}. ${SENTENCE.repeat(Math.ceil(chars / SENTENCE.length))}`;
  return body.slice(0, Math.max(20, chars));
}

/** Signs in the clerk, configures the board (once) and schedules meetings for agenda items to go to. */
export class BoardWriter {
  private meetingIds: string[] = [];

  private constructor(
    public base: string,
    private token: string,
    readonly tenantId: string,
    private readonly timeoutMs: number,
  ) {}

  static async prepare(
    base: string,
    options: { meetings?: number; prefix: string; timeoutMs?: number },
  ): Promise<BoardWriter> {
    const token = await signIn(base, 'clerk@northshire.example');
    const tenantId = await configureDemoBoard(base, token);
    const writer = new BoardWriter(base, token, tenantId, options.timeoutMs ?? 20_000);
    for (let i = 0; i < (options.meetings ?? 0); i++) {
      const outcome = await writer.scheduleMeeting(`${options.prefix}-meeting-${i}`);
      if (!outcome.acked) throw new Error(`scheduling a meeting: ${outcome.status} ${outcome.problemType ?? ''}`);
    }
    return writer;
  }

  /** After a restart: the new address (the token stays valid: the secret is fixed). */
  moveTo(base: string): void {
    this.base = base;
  }

  async signInAgain(): Promise<void> {
    this.token = await signIn(this.base, 'clerk@northshire.example');
  }

  get meetings(): readonly string[] {
    return this.meetingIds;
  }

  /** The command id the product derives from an Idempotency-Key (CommandContextFactory). */
  commandId(key: string): string {
    return `key-${PEPPER.text('command-id', this.tenantId, key)}`;
  }

  /** The stream a view given with this key is written to (its ids come from the command id). */
  viewStream(key: string): string {
    const context = { tenantId: this.tenantId, commandId: this.commandId(key) } as CommandContext;
    return `contribution-${idForNew(context, 'contribution')}`;
  }

  async giveView(key: string, text: string): Promise<WriteOutcome> {
    return this.send('POST', `/api/public/boards/${BOARD}/views`, key, { text, themes: ['health'] }, false, (body) => ({
      kind: 'view',
      key,
      commandId: this.commandId(key),
      stream: this.viewStream(key),
      events: ['ContributionSubmitted'],
      receiptCode: body?.receiptCode as string | undefined,
    }));
  }

  async addAgendaItem(meetingId: string, key: string): Promise<WriteOutcome> {
    const body = { title: `Fault-test item ${key}`, purpose: 'discussion', lead: 'Director of Children’s Services' };
    return this.send('POST', `/api/meetings/${meetingId}/agenda-items`, key, body, true, (answer) => ({
      kind: 'agenda-item',
      key,
      commandId: this.commandId(key),
      stream: `meeting-${meetingId}`,
      events: (answer?.events as string[] | undefined) ?? ['AgendaItemAdded'],
      itemId: answer?.itemId as string | undefined,
    }));
  }

  async scheduleMeeting(key: string): Promise<WriteOutcome> {
    const body = { title: `Fault-test meeting ${key}`, startsAt: '2027-06-14T17:00:00Z', place: 'Committee Room 2' };
    const outcome = await this.send('POST', '/api/meetings', key, body, true, (answer) => ({
      kind: 'meeting',
      key,
      commandId: this.commandId(key),
      stream: `meeting-${answer?.meetingId as string}`,
      events: (answer?.events as string[] | undefined) ?? [],
    }));
    if (outcome.acked && outcome.acked.stream !== 'meeting-undefined') {
      this.meetingIds.push(outcome.acked.stream.slice('meeting-'.length));
    }
    return outcome;
  }

  private async send(
    method: string,
    path: string,
    key: string,
    body: unknown,
    staff: boolean,
    acked: (answer: Record<string, unknown> | undefined) => AckedWrite,
  ): Promise<WriteOutcome> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          'idempotency-key': key,
          ...(staff ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const { name, cause } = error as Error & { cause?: { code?: string } };
      const status = name === 'TimeoutError' ? 'timeout' : cause?.code === 'ECONNREFUSED' ? 'refused' : 'no-answer';
      return { status, ms: ms() };
    }
    const contentType = response.headers.get('content-type') ?? '';
    let answer: Record<string, unknown> | undefined;
    try {
      answer = (await response.json()) as Record<string, unknown>;
    } catch {
      // The process died between the head and the body: a 2xx head was still an acknowledgement.
    }
    if (response.status >= 200 && response.status < 300) {
      return { status: response.status, acked: acked(answer), contentType, ms: ms() };
    }
    return { status: response.status, problemType: answer?.type as string | undefined, contentType, ms: ms() };
  }
}

export interface PresenceReport {
  readonly acknowledged: number;
  readonly found: number;
  readonly lost: readonly AckedWrite[];
  /** Present, but not as answered: fewer or other events, another stream (a torn or misplaced write). */
  readonly mismatched: ReadonlyArray<{ key: string; reason: string }>;
}

/** Every acknowledged write must be in the log, whole: the events its answer named, in its stream. */
export function checkAcknowledged(
  acked: readonly AckedWrite[],
  byCommand: ReadonlyMap<string, readonly Pick<StoredEvent, 'stream' | 'type' | 'data'>[]>,
): PresenceReport {
  const lost: AckedWrite[] = [];
  const mismatched: Array<{ key: string; reason: string }> = [];
  for (const write of acked) {
    const stored = byCommand.get(write.commandId);
    if (!stored || stored.length === 0) {
      lost.push(write);
      continue;
    }
    const types = stored.map((event) => event.type);
    const streams = new Set(stored.map((event) => event.stream));
    if (types.join() !== write.events.join()) {
      mismatched.push({
        key: write.key,
        reason: `events ${types.join()} where the answer said ${write.events.join()}`,
      });
    } else if (streams.size !== 1 || !streams.has(write.stream)) {
      mismatched.push({ key: write.key, reason: `in ${[...streams].join()} rather than ${write.stream}` });
    } else if (write.itemId && !stored.some((event) => event.data.itemId === write.itemId)) {
      mismatched.push({ key: write.key, reason: `no item ${write.itemId}` });
    }
  }
  return { acknowledged: acked.length, found: acked.length - lost.length - mismatched.length, lost, mismatched };
}

/**
 * Checks receipt codes as a young person would (POST /api/public/views/check): how many are recognised,
 * and for the others the status and problem type (never the answer's words).
 */
export async function checkReceipts(
  base: string,
  codes: readonly string[],
): Promise<{ checked: number; ok: number; failures: string[] }> {
  let ok = 0;
  const failures: string[] = [];
  for (const [i, receiptCode] of codes.entries()) {
    const response = await fetch(`${base}/api/public/views/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receiptCode }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json().catch(() => ({}))) as { status?: unknown; type?: unknown };
    if (response.status === 200 && typeof body.status === 'string') ok += 1;
    else failures.push(`#${i}: ${response.status} ${String(body.type ?? '')}`.trim());
  }
  return { checked: codes.length, ok, failures };
}

/** Waits until every projection says it is caught up (lag 0); answers how many events are parked. */
export async function waitForProjections(base: string, timeoutMs = 30_000): Promise<{ parked: number; ms: number }> {
  const started = performance.now();
  let last = '';
  while (performance.now() - started < timeoutMs) {
    try {
      const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) });
      const body = (await response.json()) as { details?: { projections?: Record<string, unknown> } };
      const projections = Object.entries(body.details?.projections ?? {}).filter(([name]) => name !== 'status');
      const statuses = projections.map(([, status]) => status as { caughtUp?: boolean; lag?: number; parked?: number });
      if (statuses.length > 0 && statuses.every((s) => s.caughtUp === true && s.lag === 0)) {
        return {
          parked: statuses.reduce((sum, s) => sum + (s.parked ?? 0), 0),
          ms: Math.round(performance.now() - started),
        };
      }
      last = JSON.stringify(Object.fromEntries(projections.map(([name, s]) => [name, (s as { lag?: number }).lag])));
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the projections did not catch up in ${timeoutMs} ms (last lags: ${last})`);
}
