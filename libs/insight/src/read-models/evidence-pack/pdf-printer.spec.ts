import { launchOptions } from './pdf-printer.js';

describe('Chromium launch options for printing PDFs', () => {
  it("keeps Chromium's sandbox on for an ordinary user (Playwright's default turns it off)", () => {
    expect(launchOptions('/usr/bin/chromium', false)).toMatchObject({ chromiumSandbox: true });
  });

  it('turns the sandbox off only for root, where Chromium will not start with it', () => {
    expect(launchOptions('/usr/bin/chromium').chromiumSandbox).toBe(process.getuid?.() !== 0);
    expect(launchOptions('/usr/bin/chromium', true)).toMatchObject({ chromiumSandbox: false });
  });

  it('never passes --no-sandbox itself, and leaves signals to the application', () => {
    const options = launchOptions('/usr/bin/chromium', false);
    expect(options.args ?? []).not.toContain('--no-sandbox');
    expect(options).toMatchObject({ handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  });
});
