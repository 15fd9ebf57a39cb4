// Issue 17, item 7: the evidence-pack PDF as a weapon. Each request started a Chromium of its own, without
// its sandbox: six at once gave 72 processes and ~5 GB. Now one browser is shared (a page per print), at
// most PDF_PRINT_CONCURRENCY print at once with PDF_PRINT_QUEUE waiting, and every request past that is
// answered 503 at once. Twenty requests at once, twice, through HTTP, counting the Chromium processes this
// process has started (from /proc) and their memory while they run. No timings are asserted.
import { readdirSync, readFileSync } from 'node:fs';
import { EVENT_STORE, ProjectionRunner, type EventStore } from '#event-store';
import { IdentityService } from '#identity';
import { driveBoardYear } from '#demo';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CONCURRENCY = 2;
const QUEUE = 8;
const AT_ONCE = 20;

interface Proc {
  readonly pid: number;
  readonly ppid: number;
  readonly command: string;
  /** Proportional set size: its own pages, and its share of those it shares (summed RSS counts those often). */
  readonly pss: number;
}

/** Every process descended from this one, from /proc. */
function descendants(): Proc[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // Gone while being read.
    }
  }
  const found: Proc[] = [];
  const pending = (children.get(process.pid) ?? []).map((pid) => [pid, process.pid] as const);
  while (pending.length > 0) {
    const [pid, ppid] = pending.pop()!;
    pending.push(...(children.get(pid) ?? []).map((child) => [child, pid] as const));
    try {
      // Chromium's children rewrite their command line as one string; its browser process keeps the NULs.
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      const pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
      found.push({ pid, ppid, command, pss });
    } catch {
      // Gone while being read.
    }
  }
  return found;
}

const isChromium = (p: Proc): boolean => /chrom(e|ium)/.test(p.command.split(' ')[0] ?? '');
/**
 * Chromium processes this file's app started: the Jest worker runs other files before this one, and a
 * browser one of them left running (seen with two workers) is not this app's.
 */
const before = new Set<number>();
const chromiums = (): Proc[] => descendants().filter((p) => isChromium(p) && !before.has(p.pid) && !before.has(p.ppid));
/**
 * Browser processes: the roots of Chromium's trees (a Chromium process whose parent is not one). Its
 * helpers (renderers, GPU, utilities, zygotes) carry --type=, but each is forked from the browser and
 * has the browser's command line until it execs; its crash reporter (chrome_crashpad_handler) likewise
 * until it double-forks away. Samples under load caught both as a second "browser".
 */
const browsers = (procs: Proc[]): Proc[] => {
  const pids = new Set(procs.map((p) => p.pid));
  return procs.filter((p) => !pids.has(p.ppid) && !p.command.includes('--type='));
};

interface Peak {
  processes: number;
  browsers: number;
  browserPids: Set<number>;
  chromiumPss: number;
  ownRss: number;
}

/** Samples the process tree every 100 ms while `work` runs. */
async function sampled<T>(work: () => Promise<T>): Promise<{ result: T; peak: Peak }> {
  const peak: Peak = { processes: 0, browsers: 0, browserPids: new Set(), chromiumPss: 0, ownRss: 0 };
  const sample = () => {
    const procs = chromiums();
    const main = browsers(procs);
    peak.processes = Math.max(peak.processes, procs.length);
    peak.browsers = Math.max(peak.browsers, main.length);
    for (const p of main) peak.browserPids.add(p.pid);
    peak.chromiumPss = Math.max(
      peak.chromiumPss,
      procs.reduce((sum, p) => sum + p.pss, 0),
    );
    peak.ownRss = Math.max(peak.ownRss, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 100);
  try {
    const result = await work();
    sample();
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

const MB = 2 ** 20;

describe('the evidence-pack PDF under 20 requests at once', () => {
  let t: TestApp;
  let token: string;
  let closed = false;
  const figures: string[] = [];

  beforeAll(async () => {
    for (const p of descendants().filter(isChromium)) before.add(p.pid);
    t = await startTestApp({ PDF_PRINT_CONCURRENCY: String(CONCURRENCY), PDF_PRINT_QUEUE: String(QUEUE) });
    const tenantId = (await t.app.get(IdentityService).tenantBySlug('northshire'))!.id;
    const year = await driveBoardYear(t.app.get<EventStore>(EVENT_STORE), { tenantId, prefix: 'pdf', seed: 11 });
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 60_000 });
    t.clock.set(new Date(`${year.endOn}T18:00:00Z`));
    token = await t.signIn('chair@northshire.example');
  }, 180_000);

  afterAll(async () => {
    if (!closed) await t?.close();
    console.log(`evidence-pack PDF, ${AT_ONCE} at once:\n  ${figures.join('\n  ')}`);
  });

  async function burst(): Promise<{ status: number; type: string | null; retryAfter: string | null; body: Buffer }[]> {
    return Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        const response = await fetch(`${t.baseUrl}/api/insight/evidence-pack.pdf`, {
          headers: { authorization: `Bearer ${token}` },
        });
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          retryAfter: response.headers.get('retry-after'),
          body: Buffer.from(await response.arrayBuffer()),
        };
      }),
    );
  }

  function check(answers: Awaited<ReturnType<typeof burst>>): { printed: number; refused: number } {
    const printed = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 503);
    expect(printed.length + refused.length).toBe(AT_ONCE);
    for (const answer of printed) {
      expect(answer.type).toBe('application/pdf');
      expect(answer.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(answer.body.subarray(-8).toString()).toContain('%%EOF');
      expect(answer.body.length).toBeGreaterThan(10_000);
    }
    for (const answer of refused) {
      expect(answer.type).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(answer.body.toString())).toMatchObject({ type: '/problems/pdf-busy', status: 503 });
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    // The bound holds the rest: at least those printing and waiting are served, and some are turned away.
    expect(printed.length).toBeGreaterThanOrEqual(CONCURRENCY + QUEUE);
    expect(refused.length).toBeGreaterThan(0);
    return { printed: printed.length, refused: refused.length };
  }

  let firstBrowser: number;
  let firstPeak: Peak;

  it('starts no browser until a PDF is asked for', () => {
    expect(browsers(chromiums())).toEqual([]);
  });

  it('prints with one shared browser, turns the rest away with 503, and keeps processes and memory bounded', async () => {
    const ownBefore = process.memoryUsage().rss;
    const { result, peak } = await sampled(burst);
    const { printed, refused } = check(result);
    expect(peak.browsers).toBe(1);
    expect(peak.browserPids.size).toBe(1);
    // One browser's helpers and a page or two each for the prints running: a browser per request was ~9 each.
    expect(peak.processes).toBeLessThanOrEqual(16);
    // A browser per request: ~3.5 GB for 20 (and ~18 GB of summed RSS).
    expect(peak.chromiumPss).toBeLessThan(1024 * MB);
    expect(peak.ownRss - ownBefore).toBeLessThan(512 * MB);
    [firstBrowser] = [...peak.browserPids];
    firstPeak = peak;
    figures.push(
      `first: ${printed} printed, ${refused} refused 503; peak ${peak.processes} Chromium processes in ${peak.browsers} browser; ` +
        `Chromium PSS ${Math.round(peak.chromiumPss / MB)} MB; this process ${Math.round(ownBefore / MB)} -> ${Math.round(peak.ownRss / MB)} MB`,
    );
  }, 120_000);

  it('keeps using the same browser, and its memory stays flat, for the next 20', async () => {
    const { result, peak } = await sampled(burst);
    const { printed, refused } = check(result);
    expect([...peak.browserPids]).toEqual([firstBrowser]);
    expect(peak.processes).toBeLessThanOrEqual(16);
    expect(peak.chromiumPss).toBeLessThan(firstPeak.chromiumPss + 256 * MB);
    figures.push(
      `second: ${printed} printed, ${refused} refused 503; peak ${peak.processes} Chromium processes; ` +
        `Chromium PSS ${Math.round(peak.chromiumPss / MB)} MB; this process peak ${Math.round(peak.ownRss / MB)} MB`,
    );
  }, 120_000);

  it('runs Chromium without its sandbox only as root', () => {
    const [browser] = browsers(chromiums());
    expect(browser?.pid).toBe(firstBrowser);
    expect(browser!.command.includes('--no-sandbox')).toBe(process.getuid?.() === 0);
  });

  it('starts another browser when the shared one dies', async () => {
    process.kill(firstBrowser, 'SIGKILL');
    // The next print may be the one that finds it gone; a print never answers 500 for it.
    let response = await t.request('GET', '/api/insight/evidence-pack.pdf', { token });
    if (response.status === 503) response = await t.request('GET', '/api/insight/evidence-pack.pdf', { token });
    expect(response.status).toBe(200);
    const now = browsers(chromiums());
    expect(now).toHaveLength(1);
    expect(now[0]!.pid).not.toBe(firstBrowser);
  }, 60_000);

  it('closes the browser when the application shuts down', async () => {
    expect(chromiums().length).toBeGreaterThan(0);
    closed = true;
    await t.close();
    // Its helpers may take a moment to follow the browser out.
    for (let i = 0; i < 50 && chromiums().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(chromiums()).toEqual([]);
  }, 30_000);
});
