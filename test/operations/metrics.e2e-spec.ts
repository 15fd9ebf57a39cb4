// Issue 19, item 4: the figures an operator's Prometheus scrapes, and the traces an OpenTelemetry collector
// receives, after a demo's worth of activity, on the compiled api and projector as they are deployed.
// The metrics port is the only place the figures are served, and nothing in a label or a span is a
// child's words, a receipt code, an id, an email, a name or an address.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectionRunner } from '#event-store';
import { Metrics } from '#platform';
import { DEMO_USERS } from '#demo';
import { SafeguardingCaseOpener } from '../../libs/voice/src/commands/run-safeguarding-case/safeguarding-case-opener.js';
import {
  freePort,
  killAllProcesses,
  signIn,
  startApi,
  startProjector,
  type RunningApi,
  type RunningProcess,
} from '../support/processes.js';
import { startTestApp } from '../support/test-app.js';

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** Prometheus's text format, one sample a line (comments skipped). */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!;
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

const samples = (all: Sample[], name: string, labels: Record<string, string> = {}): Sample[] =>
  all.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
// The labels the figures may carry: ours, and those of Node's own figures (versions, GC kinds, heap spaces).
const LABEL_NAMES = new Set([
  'method',
  'route',
  'status',
  'store',
  'outcome',
  'projection',
  'le',
  'version',
  'major',
  'minor',
  'patch',
  'kind',
  'type',
  'space',
]);

const WORDS = 'Marmalade lighthouses whisper about Wednesday trampolines';
const HARMFUL = 'My foster carer hits me when nobody is home.';

async function scrape(port: number): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  return { status: response.status, text: await response.text() };
}

async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('metrics and traces (the compiled api and projector after a demo year)', () => {
  let dir: string;
  let api: RunningApi;
  let projector: RunningProcess;
  let metricsPort: number;
  let projectorMetricsPort: number;
  let collector: Server;
  const traces: string[] = [];
  // What must never be in a label or a span.
  const secrets: string[] = [];
  let receiptCode: string;
  let meetingId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-metrics-'));
    // An OpenTelemetry collector as far as the api can tell: OTLP over HTTP, JSON encoded.
    collector = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        if (request.url === '/v1/traces') traces.push(body);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    const collectorPort = await freePort();
    await new Promise<void>((resolve) => collector.listen(collectorPort, '127.0.0.1', resolve));
    metricsPort = await freePort();
    projectorMetricsPort = await freePort();
    // The demo: the board, its accounts and a year of its history, as `--demo` seeds them.
    api = await startApi(
      {
        DATA_DIR: dir,
        DEMO_SEED: 'true',
        METRICS_PORT: String(metricsPort),
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}`,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
      { timeoutMs: 150_000 },
    );
    secrets.push(...(api.output().match(/\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}\b/g) ?? []));
    projector = startProjector({ DATA_DIR: dir, METRICS_PORT: String(projectorMetricsPort) });

    // A young person gives a view and checks it with its receipt code; another view is withheld for safeguarding.
    const post = (path: string, body: unknown) =>
      fetch(`${api.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const given = await post('/api/public/boards/northshire/views', { text: WORDS });
    expect(given.status).toBe(201);
    const view = (await given.json()) as { receiptCode: string; contributionId?: string };
    receiptCode = view.receiptCode;
    secrets.push(receiptCode, receiptCode.replace(/-/g, ''));
    if (view.contributionId) secrets.push(view.contributionId);
    expect((await post('/api/public/views/check', { receiptCode })).status).toBe(200);
    expect((await post('/api/public/boards/northshire/views', { text: HARMFUL })).status).toBe(201);
    // A member of staff opens a meeting by its id; someone asks for an address that is no route.
    const token = await signIn(api.url, 'clerk@northshire.example');
    const meetings = (await (
      await fetch(`${api.url}/api/meetings`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as Array<{ meetingId: string }>;
    meetingId = meetings[0]!.meetingId;
    secrets.push(meetingId);
    const meeting = await fetch(`${api.url}/api/meetings/${meetingId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(meeting.status).toBe(200);
    expect((await fetch(`${api.url}/api/no-such-thing/${meetingId}?words=${encodeURIComponent(WORDS)}`)).status).toBe(
      404,
    );
    for (const user of DEMO_USERS) secrets.push(user.email, user.displayName);
    secrets.push(...WORDS.split(' ').filter((word) => word.length > 6), 'foster carer', 'nobody is home');
  }, 240_000);

  afterAll(async () => {
    await api?.stop();
    await projector?.stop();
    await killAllProcesses();
    await new Promise((resolve) => collector?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the figures on the metrics port only, never on the public listener', async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${api.url}/api/metrics`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/`)).status).toBe(404);
    const { status, text } = await scrape(metricsPort);
    expect(status).toBe(200);
    expect(text).toContain('# TYPE cpb_http_request_duration_seconds histogram');
  });

  it('shows request rates and latencies by method, route template and status code', async () => {
    const all = parse((await scrape(metricsPort)).text);
    const count = (route: string, method: string, status: string) =>
      samples(all, 'cpb_http_request_duration_seconds_count', { route, method, status })[0]?.value ?? 0;
    expect(count('/api/public/boards/:board/views', 'POST', '201')).toBeGreaterThanOrEqual(2);
    expect(count('/api/public/views/check', 'POST', '200')).toBeGreaterThanOrEqual(1);
    expect(count('/api/meetings/:id', 'GET', '200')).toBeGreaterThanOrEqual(1);
    expect(count('unmatched', 'GET', '404')).toBeGreaterThanOrEqual(1);
    const checks = samples(all, 'cpb_http_request_duration_seconds_bucket', { route: '/api/public/views/check' });
    expect(checks.find((s) => s.labels.le === '+Inf')!.value).toBeGreaterThanOrEqual(1);
    const seconds = samples(all, 'cpb_http_request_duration_seconds_sum', { route: '/api/public/views/check' })[0]!;
    expect(seconds.value).toBeGreaterThan(0);
    expect(seconds.value).toBeLessThan(30);
    // Every route label is a template or `unmatched`: no path as asked for.
    for (const s of samples(all, 'cpb_http_request_duration_seconds_count')) {
      expect(s.labels.route === 'unmatched' || s.labels.route!.startsWith('/')).toBe(true);
      expect(s.labels.route).not.toContain('no-such-thing');
    }
  });

  it('shows each projection caught up with nothing parked, on the api and the projector', async () => {
    for (const port of [metricsPort, projectorMetricsPort]) {
      const all = await until(`projection figures on ${port}`, async () => {
        const parsed = parse((await scrape(port)).text);
        const lag = samples(parsed, 'cpb_projection_lag_events');
        return lag.length > 0 && lag.every((s) => s.value === 0) ? parsed : undefined;
      });
      const projections = samples(all, 'cpb_projection_lag_events').map((s) => s.labels.projection);
      expect(projections).toEqual(expect.arrayContaining(['voice_safeguarding_cases', 'board_meeting_detail']));
      const parked = samples(all, 'cpb_projection_parked_events');
      expect(parked.map((s) => s.labels.projection).sort()).toEqual([...projections].sort());
      expect(parked.every((s) => s.value === 0)).toBe(true);
    }
    // The projector serves no requests and leaves the safeguarding count to the api.
    const projectorFigures = (await scrape(projectorMetricsPort)).text;
    expect(projectorFigures).not.toContain('cpb_http_request_duration_seconds_count');
    expect(projectorFigures).not.toContain('cpb_safeguarding_cases_overdue');
    expect(projectorFigures).toContain('process_cpu_user_seconds_total');
  });

  it('shows safeguarding cases past their window, event-store appends and the process', async () => {
    const all = parse((await scrape(metricsPort)).text);
    const overdue = samples(all, 'cpb_safeguarding_cases_overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.labels).toEqual({});
    expect(Number.isInteger(overdue[0]!.value) && overdue[0]!.value >= 0).toBe(true);
    // The demo year was written through the timed store.
    const appended = samples(all, 'cpb_event_store_append_duration_seconds_count', { store: 'sqlite', outcome: 'ok' });
    expect(appended[0]!.value).toBeGreaterThan(10);
    expect(samples(all, 'cpb_event_store_append_duration_seconds_bucket', { le: '+Inf' }).length).toBeGreaterThan(0);
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(samples(all, name).length).toBeGreaterThan(0);
    }
  });

  it('holds no personal data in any label, on either port', async () => {
    for (const port of [metricsPort, projectorMetricsPort]) {
      const { text } = await scrape(port);
      for (const sample of parse(text)) {
        for (const [name, value] of Object.entries(sample.labels)) {
          expect(LABEL_NAMES.has(name) ? name : `${sample.name}{${name}}`).toBe(name);
          expect(value).not.toMatch(UUID);
          expect(value).not.toMatch(/\s|@/);
          for (const secret of secrets) expect(value.toLowerCase()).not.toContain(secret.toLowerCase());
        }
      }
      // Nor anywhere else in the scrape (help texts included).
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toMatch(UUID);
    }
  });

  it('sends traces named by route template, without the path, query, address or browser', async () => {
    const spans = await until('the check span', async () => {
      const all = traces.flatMap((body) =>
        (
          JSON.parse(body) as {
            resourceSpans: Array<{
              scopeSpans: Array<{ spans: Array<{ name: string; attributes: Array<{ key: string }> }> }>;
            }>;
          }
        ).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)),
      );
      return all.some((span) => span.name === 'POST /api/public/views/check') ? all : undefined;
    });
    expect(spans.map((span) => span.name)).toEqual(
      expect.arrayContaining(['POST /api/public/boards/:board/views', 'GET /api/meetings/:id']),
    );
    const keys = new Set(spans.flatMap((span) => span.attributes.map((a) => a.key)));
    expect(keys).toContain('http.route');
    for (const key of [
      'url.path',
      'url.query',
      'url.full',
      'client.address',
      'network.peer.address',
      'user_agent.original',
    ]) {
      expect(keys).not.toContain(key);
    }
    // Health checks and scrapes are not traced.
    expect(spans.some((span) => span.name.includes('health'))).toBe(false);
    const sent = traces.join('\n');
    for (const secret of secrets) expect(sent).not.toContain(secret);
    expect(sent).not.toMatch(UUID);
  });
});

describe('the Grafana dashboard (docker/grafana/cpb-dashboard.json)', () => {
  it('has a panel for each figure', () => {
    const dashboard = JSON.parse(readFileSync('docker/grafana/cpb-dashboard.json', 'utf8')) as {
      panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
    };
    const queries = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
    for (const figure of [
      'cpb_http_request_duration_seconds_count',
      'cpb_http_request_duration_seconds_bucket',
      'cpb_projection_lag_events',
      'cpb_projection_parked_events',
      'cpb_safeguarding_cases_overdue',
      'cpb_event_store_append_duration_seconds_bucket',
      'process_cpu_seconds_total',
    ]) {
      expect(queries.some((query) => query.includes(figure))).toBe(true);
    }
  });
});

describe('safeguarding cases past their window (in process, on a fixed clock)', () => {
  it('counts a case once its response window has passed, and reads no words to do it', async () => {
    const t = await startTestApp();
    try {
      const overdue = async (): Promise<string> =>
        (await t.app.get(Metrics).registry.metrics()).split('\n').find((line) => line.startsWith('cpb_safeguarding'))!;
      const given = await t.request('POST', '/api/public/boards/northshire/views', { body: { text: HARMFUL } });
      expect(given.status).toBe(201);
      await t.app.get(SafeguardingCaseOpener).waitForIdle();
      await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
      expect(await overdue()).toBe('cpb_safeguarding_cases_overdue 0');
      // Five hours later: past the 4-hour default window, unacknowledged.
      t.clock.advance(5 * 60 * 60_000);
      expect(await overdue()).toBe('cpb_safeguarding_cases_overdue 1');
    } finally {
      await t.close();
    }
  }, 60_000);
});
