import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { TestApp } from './test-app.js';

// Real Chromium (Debian's; Playwright's own download cannot work here), one page per viewport, an axe
// check that fails with the list of violations, and screenshots kept as test artifacts.

export const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;
export type Viewport = (typeof VIEWPORTS)[number];

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** axe-core's source, configured as AxeBuilder configures it in legacy mode. */
const AXE_SETUP = `${axe.source};axe.configure({ allowedOrigins: ['<same_origin>'], branding: { application: 'playwright' } });`;
const SCREENSHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
}

export interface BrowserPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the page asked for, in order (to prove nothing personal was put in one). */
  readonly urls: string[];
  /** Every request body the page sent. */
  readonly bodies: string[];
  /** Every write the page sent to the API: its path and Idempotency-Key. */
  readonly writes: Array<{ path: string; idempotencyKey: string | undefined }>;
  /** In order: each API read's X-Read-After, and each API answer's X-Log-Position (see readsAfterWrites). */
  readonly positions: Array<{ read: string | null } | { written: string }>;
}

export async function openPage(browser: Browser, viewport: Viewport): Promise<BrowserPage> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce', acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const urls: string[] = [];
  const bodies: string[] = [];
  const writes: BrowserPage['writes'] = [];
  const positions: BrowserPage['positions'] = [];
  page.on('response', (response) => {
    const written = response.headers()['x-log-position'];
    if (written && new URL(response.url()).pathname.startsWith('/api/')) positions.push({ written });
  });
  page.on('request', (request) => {
    urls.push(request.url());
    const body = request.postData();
    if (body) bodies.push(body);
    const path = new URL(request.url()).pathname;
    if (request.method() === 'POST' && path.startsWith('/api/')) {
      writes.push({ path, idempotencyKey: request.headers()['idempotency-key'] });
    }
    if (request.method() === 'GET' && path.startsWith('/api/')) {
      positions.push({ read: request.headers()['x-read-after'] ?? null });
    }
  });
  return { context, page, urls, bodies, writes, positions };
}

/**
 * Read your own writes (docs/adr/0021-read-your-writes.md): how many reads the page sent after a write
 * without that write's position (or a later one) as X-Read-After, and how many sent it.
 */
export function readsAfterWrites(tab: BrowserPage): { without: number; with: number } {
  let written: string | undefined;
  const counts = { without: 0, with: 0 };
  for (const entry of tab.positions) {
    if ('written' in entry) {
      if (written === undefined || entry.written > written) written = entry.written;
    } else if (written !== undefined) {
      if (entry.read !== null && entry.read >= written) counts.with += 1;
      else counts.without += 1;
    }
  }
  return counts;
}

// In the page: axe's run, answered with its violations alone (no DOM types in this project's TypeScript lib).
type AxeViolation = { id: string; impact: string; help: string; nodes: Array<{ target: string[] }> };
type AxeInPage = {
  axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
  document: unknown;
};

/**
 * Fails listing each WCAG 2.2 AA violation axe finds on the page as it is now. The same check as
 * @axe-core/playwright's AxeBuilder in legacy mode (axe-core in every frame, `axe.run` on the document
 * with these tags), made cheaper: axe's source goes into each document once rather than twice per check,
 * and only the violations come back across the protocol. The full results, with every node that passed,
 * cost the test process seconds of CPU per file in Playwright's serialisation.
 */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  for (const frame of page.frames()) {
    const loaded = await frame.evaluate('typeof window.axe?.run === "function"').catch(() => true);
    if (!loaded) await frame.evaluate(AXE_SETUP).catch(() => undefined);
  }
  const found = await page.evaluate(async (tags) => {
    const inPage = globalThis as unknown as AxeInPage;
    const results = await inPage.axe.run(inPage.document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, AXE_TAGS);
  if (found.length) throw new Error(`axe found ${found.length} violation(s) on "${state}":\n${found.join('\n')}`);
}

/**
 * test-artifacts/screenshots/<test>-<page>-<width>.png, when CPB_SCREENSHOTS=1: pictures for a person
 * reviewing the pages, not a check, and a full-page picture of a long page costs seconds in every run.
 */
export async function screenshot(page: Page, test: string, pageName: string): Promise<void> {
  if (process.env.CPB_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: join(SCREENSHOTS, `${test}-${pageName}-${width}.png`), fullPage: true });
}

/** Presses Tab until the element has focus: proves it is reachable by keyboard, in order. */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i < maxPresses; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
    path.push(String(await page.evaluate('document.activeElement?.id || document.activeElement?.tagName')));
  }
  throw new Error(`could not reach ${target.toString()} with the Tab key; focus went ${path.slice(0, 30).join(' > ')}`);
}

/** Retries an assertion until it holds (the page updates after fetches), up to the timeout; never sleeps blind. */
export async function eventually(assertion: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

// Runs in the browser (no DOM types in this project's TypeScript lib).
type InBrowser = { document: { activeElement: unknown } };
export const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluate((node) => node === (globalThis as unknown as InBrowser).document.activeElement);

/** The app's address as the browser reaches it (Chromium here cannot use the IPv6 loopback). */
export const appUrl = (t: TestApp, path: string): string => `${t.baseUrl.replace('[::1]', '127.0.0.1')}${path}`;

/** A tab signed in as a demo role at the test clock's time: the session the sign-in page would keep. */
export async function signedInTab(
  t: TestApp,
  browser: Browser,
  role: string,
  viewport: Viewport,
): Promise<BrowserPage> {
  const answer = await t.request('POST', '/api/auth/sign-in', {
    body: { tenant: 'northshire', email: `${role}@northshire.example`, password: 'demo-board-2026' },
  });
  if (answer.status !== 200) throw new Error(`sign-in as ${role} failed: ${answer.status}`);
  const session = JSON.stringify({ ...answer.json<Record<string, unknown>>(), tenant: 'northshire' });
  const tab = await openPage(browser, viewport);
  await tab.context.addInitScript((value: string) => {
    (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem(
      'cpb.staff-session',
      value,
    );
  }, session);
  return tab;
}

/** Presses a key (Enter by default) on an element, as a keyboard user would. */
export async function press(page: Page, selector: string, key = 'Enter'): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.press(key);
}

/** Waits for the page's "done" notice to say these words. */
export async function notice(page: Page, words: string | RegExp): Promise<void> {
  await eventually(async () => {
    const text = await page.locator('#done').innerText();
    if (!(typeof words === 'string' ? text.includes(words) : words.test(text))) {
      throw new Error(`the notice says "${text}", not ${String(words)}`);
    }
  }, 15_000);
}

/**
 * Signs in through the sign-in page a protected page sends the browser to, by keyboard alone, and
 * waits to be sent back to that page.
 */
export async function signInThroughPage(t: TestApp, page: Page, path: string, role: string): Promise<void> {
  await page.goto(appUrl(t, path));
  await page.waitForURL(/\/staff\/sign-in\?next=/);
  await tabTo(page, page.locator('#tenant'));
  await page.keyboard.type('northshire');
  await page.keyboard.press('Tab');
  await page.keyboard.type(`${role}@northshire.example`);
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo-board-2026');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === path);
}
