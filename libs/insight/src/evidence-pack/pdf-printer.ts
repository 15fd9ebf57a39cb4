import { existsSync } from 'node:fs';
import { HttpException, Injectable } from '@nestjs/common';
import { chromium } from 'playwright-core';
import { problem } from '#platform';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Prints HTML to PDF with a real Chromium (the same engine the browser tests use): the evidence pack
 * looks the same on paper as on screen. The browser is found at CHROMIUM_PATH or a usual place; a
 * server without one answers 503 with a problem that says so, and the HTML pack still works.
 */
@Injectable()
export class PdfPrinter {
  private readonly executablePath = [process.env.CHROMIUM_PATH, ...CANDIDATES].find(
    (path): path is string => !!path && existsSync(path),
  );

  get available(): boolean {
    return this.executablePath !== undefined;
  }

  async print(html: string): Promise<Buffer> {
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
    const browser = await chromium.launch({ executablePath: this.executablePath, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      // The document is self-contained: nothing may be fetched while printing.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
      });
    } finally {
      await browser.close();
    }
  }
}
