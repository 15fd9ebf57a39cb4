// A storm of concurrent writes to the demo board: young people's views on the public route and a clerk's
// staff writes (agenda items, new meetings), until told to stop. Every answer is counted; every 2xx is kept.
import type { AckedWrite, BoardWriter, WriteKind, WriteOutcome } from './board-writes.js';
import { syntheticText } from './board-writes.js';

export interface StormFigures {
  sent: number;
  readonly acked: AckedWrite[];
  /** Keys of requests that got no answer (the process died under them): in doubt, may or may not be written. */
  readonly unanswered: string[];
  /** The same requests again (same Idempotency-Key and body), as a client retries after a lost answer. */
  readonly retries: Array<() => Promise<WriteOutcome>>;
  /** How many of each answer: "201", "409 /problems/conflict", "no-answer"... */
  readonly answers: Record<string, number>;
  readonly byKind: Record<WriteKind, number>;
}

export interface StormOptions {
  readonly concurrency: number;
  /** Chooses each request's kind and meeting. */
  readonly random: () => number;
  /** Unique per storm: the Idempotency-Keys are `<prefix>-<n>`. */
  readonly prefix: string;
  /** The storm ends when this settles (and every request in flight has its answer or lost its connection). */
  readonly until: Promise<unknown>;
  /** Characters of each view's synthetic words. */
  readonly viewChars?: number;
  /** Told of each acknowledged write as it comes (a kill timed from the first one). */
  readonly onAck?: (write: AckedWrite) => void;
}

export async function runStorm(writer: BoardWriter, options: StormOptions): Promise<StormFigures> {
  let stopped = false;
  void options.until.finally(() => (stopped = true));
  const figures: StormFigures = {
    sent: 0,
    acked: [],
    unanswered: [],
    retries: [],
    answers: {},
    byKind: { view: 0, 'agenda-item': 0, meeting: 0 },
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (!stopped) {
      const n = next++;
      const key = `${options.prefix}-${n}`;
      const r = options.random();
      const kind: WriteKind = r < 0.55 ? 'view' : r < 0.92 || writer.meetings.length === 0 ? 'agenda-item' : 'meeting';
      let send: () => Promise<WriteOutcome>;
      if (kind === 'view') {
        send = () => writer.giveView(key, syntheticText(n, options.viewChars));
      } else if (kind === 'agenda-item' && writer.meetings.length > 0) {
        const meeting = writer.meetings[Math.floor(options.random() * writer.meetings.length)]!;
        send = () => writer.addAgendaItem(meeting, key);
      } else {
        send = () => writer.scheduleMeeting(key);
      }
      const outcome = await send();
      figures.sent += 1;
      figures.byKind[kind] += 1;
      const answer =
        typeof outcome.status === 'number' ? `${outcome.status} ${outcome.problemType ?? ''}`.trim() : outcome.status;
      figures.answers[answer] = (figures.answers[answer] ?? 0) + 1;
      if (outcome.acked) {
        figures.acked.push(outcome.acked);
        options.onAck?.(outcome.acked);
      } else if (outcome.status === 'no-answer' || outcome.status === 'timeout') {
        figures.unanswered.push(key);
        figures.retries.push(send);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  return figures;
}
