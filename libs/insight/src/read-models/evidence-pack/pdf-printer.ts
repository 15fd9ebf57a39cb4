import { existsSync } from 'node:fs';
import { HttpException, Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import type { Browser, LaunchOptions } from 'playwright-core';
import { problem } from '#platform';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** How many PDFs print at once and how many more may wait (PDF_PRINT_CONCURRENCY, PDF_PRINT_QUEUE). */
export interface PdfPrintSettings {
  readonly concurrency: number;
  readonly queue: number;
}

export const PDF_PRINT_SETTINGS = Symbol('PDF_PRINT_SETTINGS');
const DEFAULT_SETTINGS: PdfPrintSettings = { concurrency: 2, queue: 8 };

// A print that has not finished by then is abandoned (its page closed) so that it cannot hold a slot forever.
const PRINT_TIMEOUT_MS = 60_000;
// An idle browser is closed after this long: its memory is given back between inspections.
const IDLE_CLOSE_MS = 60_000;

/**
 * Chromium's launch options. Its sandbox stays on (Playwright turns it off unless asked) except for root,
 * where Chromium refuses to start with it: run the api as an ordinary user (the image's `node`).
 */
export function launchOptions(executablePath: string, asRoot = process.getuid?.() === 0): LaunchOptions {
  return {
    executablePath,
    chromiumSandbox: !asRoot,
    // Nest's shutdown hooks close the browser (onApplicationShutdown): Playwright must not also act on signals.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  };
}

function busy(): HttpException {
  return new HttpException(
    problem(
      503,
      'pdf-busy',
      'Too many evidence packs are being printed right now. Try again in a few seconds, or use the HTML evidence pack.',
    ),
    503,
  );
}

function failed(): HttpException {
  return new HttpException(
    problem(
      503,
      'pdf-unavailable',
      'The evidence pack could not be printed. Try again, or use the HTML evidence pack.',
    ),
    503,
  );
}

/**
 * Prints HTML to PDF with a real Chromium (the same engine the browser tests use): the evidence pack
 * looks the same on paper as on screen. The browser is found at CHROMIUM_PATH or a usual place; a
 * server without one answers 503 with a problem that says so, and the HTML pack still works.
 *
 * One browser is shared by every print (launched at the first, launched again if it dies, closed when idle
 * and at shutdown); each print gets a context and page of its own, closed after it. At most `concurrency`
 * print at once and `queue` more wait their turn; any further request is answered 503 at once, before its
 * pack is even read (issue 17: a browser per request let six requests start 72 processes and take ~5 GB).
 */
@Injectable()
export class PdfPrinter implements OnApplicationShutdown {
  private readonly logger = new Logger(PdfPrinter.name);
  private readonly executablePath = [process.env.CHROMIUM_PATH, ...CANDIDATES].find(
    (path): path is string => !!path && existsSync(path),
  );
  private readonly settings: PdfPrintSettings;
  private launched?: Promise<Browser>;
  private current?: Browser;
  private running = 0;
  private readonly waiting: Array<{ go: () => void; refuse: (error: unknown) => void }> = [];
  private idleTimer?: NodeJS.Timeout;
  private shuttingDown = false;

  constructor(@Optional() @Inject(PDF_PRINT_SETTINGS) settings?: PdfPrintSettings | null) {
    this.settings = settings ?? DEFAULT_SETTINGS;
  }

  get available(): boolean {
    return this.executablePath !== undefined;
  }

  /** Prints at most `concurrency` at once, queuing up to `queue` more; `render` runs only once a slot is free. */
  async print(render: () => Promise<string>): Promise<Buffer> {
    if (!this.executablePath) {
      throw new HttpException(
        problem(
          503,
          'pdf-unavailable',
          'This server has no Chromium to print PDFs: set CHROMIUM_PATH, or use the HTML evidence pack.',
        ),
        503,
      );
    }
    await this.takeSlot();
    try {
      return await this.printNow(this.executablePath, await render());
    } finally {
      this.releaseSlot();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    for (const waiter of this.waiting.splice(0)) waiter.refuse(failed());
    await this.closeBrowser();
  }

  private takeSlot(): Promise<void> {
    if (this.shuttingDown) return Promise.reject(failed());
    clearTimeout(this.idleTimer);
    if (this.running < this.settings.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.settings.queue) return Promise.reject(busy());
    // The slot is handed over by releaseSlot (running is not decremented in between).
    return new Promise((go, refuse) => this.waiting.push({ go, refuse }));
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) return next.go();
    this.running -= 1;
    if (this.running === 0) {
      this.idleTimer = setTimeout(() => void this.closeBrowser(), IDLE_CLOSE_MS);
      this.idleTimer.unref();
    }
  }

  private async printNow(executablePath: string, html: string): Promise<Buffer> {
    let browser: Browser;
    try {
      browser = await this.browser(executablePath);
      // Gone without (yet) saying so: start another.
      if (!browser.isConnected()) {
        this.forget(browser);
        browser = await this.browser(executablePath);
      }
    } catch (error) {
      this.logger.warn(`Chromium did not start: ${(error as Error).name}`);
      throw failed();
    }
    // No script runs and nothing is fetched: the document is self-contained.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true }).catch(() => {
      throw failed();
    });
    const timer = setTimeout(() => void context.close().catch(() => undefined), PRINT_TIMEOUT_MS);
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        // Tagged: a screen reader gets the pack's headings, paragraphs and tables in reading order, not
        // only its glyphs; the outline lets a reader jump between its sections.
        tagged: true,
        outline: true,
        margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
      });
    } catch (error) {
      // The browser died or the page was closed on time-out: say so, never a 500.
      this.logger.warn(`printing failed: ${(error as Error).name}`);
      throw failed();
    } finally {
      clearTimeout(timer);
      await context.close().catch(() => undefined);
    }
  }

  /** The shared browser, launched on first use and again after it has gone. */
  private browser(executablePath: string): Promise<Browser> {
    if (this.shuttingDown) return Promise.reject(new Error('shutting down'));
    if (!this.launched) {
      // Loaded on the first print: playwright-core is large, and most processes never print.
      const launched = import('playwright-core')
        .then(({ chromium }) => chromium.launch(launchOptions(executablePath)))
        .then((browser) => {
          if (this.launched === launched) this.current = browser;
          browser.on('disconnected', () => this.forget(browser));
          return browser;
        });
      launched.catch(() => {
        if (this.launched === launched) this.launched = undefined;
      });
      this.launched = launched;
    }
    return this.launched;
  }

  /** Drops a browser that has gone, so that the next print launches another. */
  private forget(browser: Browser): void {
    if (this.current !== browser) return;
    this.current = undefined;
    this.launched = undefined;
  }

  private async closeBrowser(): Promise<void> {
    const launched = this.launched;
    this.launched = undefined;
    this.current = undefined;
    clearTimeout(this.idleTimer);
    const browser = await launched?.catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }
}
