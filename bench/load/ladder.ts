// Drives one server with autocannon, closed loop: `connections` clients, each sending its next request
// (drawn from the mix) as soon as the last one is answered. A ladder of steps with more and more
// connections finds the highest throughput whose p99 stays under the limit with no error and no non-2xx
// answer; a longer run at that level confirms it. Latencies are measured per request (autocannon's own
// timing, send to last byte) and kept whole, so the percentiles are exact.
import autocannon from 'autocannon';
import { drawer, type RequestKind } from './mix.js';

export interface KindFigures {
  readonly count: number;
  readonly non2xx: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  /** Answers by status code, when any was not 2xx. */
  readonly statuses?: Record<string, number>;
}

export interface StepFigures {
  readonly connections: number;
  readonly duration_s: number;
  readonly requests: number;
  readonly rps: number;
  readonly p50_ms: number;
  readonly p90_ms: number;
  readonly p99_ms: number;
  readonly max_ms: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly passed: boolean;
  readonly by_kind: Record<string, KindFigures>;
  /** A few non-2xx answers (status, route, body start), for the report. */
  readonly failures: string[];
}

export interface LadderOptions {
  readonly url: string;
  readonly kinds: readonly RequestKind[];
  readonly steps: readonly number[];
  readonly stepSeconds: number;
  readonly confirmSeconds: number;
  readonly warmupSeconds: number;
  readonly p99LimitMs: number;
  readonly log: (line: string) => void;
}

export interface LadderOutcome {
  readonly ladder: StepFigures[];
  /** The confirm run at the chosen level, or null when no step passed. */
  readonly confirm: StepFigures | null;
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const ms = (n: number): number => Math.round(n * 100) / 100;
const pause = (msecs: number) => new Promise((resolve) => setTimeout(resolve, msecs));

/** One run of `seconds` with `connections` clients. */
export async function runStep(
  options: Pick<LadderOptions, 'url' | 'kinds' | 'p99LimitMs'>,
  connections: number,
  seconds: number,
): Promise<StepFigures> {
  const draw = drawer(options.kinds);
  const latencies: number[] = [];
  const perKind = new Map<string, { latencies: number[]; non2xx: number; statuses: Map<number, number> }>();
  for (const kind of options.kinds) perKind.set(kind.name, { latencies: [], non2xx: 0, statuses: new Map() });
  const failures: string[] = [];
  // autocannon calls a request's onResponse, then emits 'response' with the timing, in one synchronous
  // sequence: the kind seen last is the kind of the response being timed.
  let answered: { kind: RequestKind; status: number } | undefined;
  let finish!: (error: unknown, result: autocannon.Result) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result);
  });
  const instance = autocannon(
    {
      url: options.url,
      connections,
      duration: seconds,
      timeout: 10,
      requests: [
        {
          setupRequest: (request, context) => {
            const kind = draw();
            (context as { kind?: RequestKind }).kind = kind;
            const built = kind.build();
            return { ...request, method: built.method, path: built.path, headers: built.headers, body: built.body };
          },
          onResponse: (status, body, context) => {
            const kind = (context as { kind: RequestKind }).kind;
            answered = { kind, status };
            kind.onAnswer?.(status, body);
            if ((status < 200 || status > 299) && failures.length < 10) {
              failures.push(`${status} ${kind.route}: ${body.slice(0, 300)}`);
            }
          },
        },
      ],
    },
    (error, result) => finish(error, result),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    const kind = answered?.kind;
    answered = undefined;
    if (!kind) return;
    const figures = perKind.get(kind.name)!;
    figures.latencies.push(responseTime);
    if (statusCode < 200 || statusCode > 299) {
      figures.non2xx += 1;
      figures.statuses.set(statusCode, (figures.statuses.get(statusCode) ?? 0) + 1);
    }
  });
  const result = await finished;
  const sorted = Float64Array.from(latencies).sort();
  const byKind: Record<string, KindFigures> = {};
  for (const [name, figures] of perKind) {
    const kindSorted = Float64Array.from(figures.latencies).sort();
    byKind[name] = {
      count: kindSorted.length,
      non2xx: figures.non2xx,
      p50_ms: ms(percentile(kindSorted, 50)),
      p99_ms: ms(percentile(kindSorted, 99)),
      ...(figures.statuses.size > 0 ? { statuses: Object.fromEntries(figures.statuses) } : {}),
    };
  }
  const p99 = percentile(sorted, 99);
  const errors = result.errors;
  const non2xx = result.non2xx;
  return {
    connections,
    duration_s: result.duration,
    requests: sorted.length,
    rps: Math.round(sorted.length / result.duration),
    p50_ms: ms(percentile(sorted, 50)),
    p90_ms: ms(percentile(sorted, 90)),
    p99_ms: ms(p99),
    max_ms: ms(sorted.length ? sorted[sorted.length - 1]! : 0),
    errors,
    timeouts: result.timeouts,
    non2xx,
    passed: sorted.length > 0 && p99 < options.p99LimitMs && errors === 0 && non2xx === 0,
    by_kind: byKind,
    failures,
  };
}

export const describeStep = (s: StepFigures): string =>
  `${String(s.connections).padStart(4)} conns: ${String(s.rps).padStart(6)} req/s, ` +
  `p50 ${s.p50_ms} ms, p99 ${s.p99_ms} ms, errors ${s.errors}, non-2xx ${s.non2xx}` +
  (s.passed ? '' : '  (over the limit)');

/**
 * Warm-up, then the ladder: steps upward until one fails, or the throughput has stopped growing for two
 * steps (the server is saturated; more clients only queue). The best passing step is then held for the
 * confirm run, stepping down to fewer connections while it fails.
 */
export async function runLadder(options: LadderOptions): Promise<LadderOutcome> {
  const { log } = options;
  if (options.warmupSeconds > 0) {
    const warm = await runStep(options, Math.min(4, Math.max(...options.steps)), options.warmupSeconds);
    log(`  warm-up      ${describeStep(warm)}`);
    await pause(1000);
  }
  const ladder: StepFigures[] = [];
  let flat = 0;
  let best = 0;
  for (const connections of options.steps) {
    const step = await runStep(options, connections, options.stepSeconds);
    ladder.push(step);
    log(`  step         ${describeStep(step)}`);
    for (const failure of step.failures.slice(0, 3)) log(`    non-2xx: ${failure}`);
    await pause(1000);
    if (!step.passed) break;
    flat = step.rps > best * 1.05 ? 0 : flat + 1;
    best = Math.max(best, step.rps);
    if (flat >= 2) break;
  }
  // The confirm run: the passing step with the most requests/s; when it cannot hold there, the best
  // passing step with fewer connections, and so on down (four tries at most).
  let confirm: StepFigures | null = null;
  let ceiling = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const candidate = ladder.filter((s) => s.passed && s.connections < ceiling).sort((a, b) => b.rps - a.rps)[0];
    if (!candidate) break;
    confirm = await runStep(options, candidate.connections, options.confirmSeconds);
    log(`  confirm      ${describeStep(confirm)}`);
    for (const failure of confirm.failures.slice(0, 3)) log(`    non-2xx: ${failure}`);
    await pause(1000);
    if (confirm.passed) break;
    ceiling = candidate.connections;
  }
  return { ladder, confirm };
}
