// Issue 19, item 1: the lockfile is complete for every platform a council might build on, so `npm ci`
// works in CI, in docker/Dockerfile's deps stage and on a developer's Mac or Windows machine. `npm ci
// --dry-run` in a clean folder resolves the whole tree from package.json and package-lock.json alone and
// refuses a lock that lacks a package some platform needs ("Missing ... from lock file").
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from './support.js';

const PLATFORMS = [
  { os: process.platform, cpu: process.arch },
  { os: 'linux', cpu: 'arm64' },
  { os: 'darwin', cpu: 'arm64' },
  { os: 'darwin', cpu: 'x64' },
  { os: 'win32', cpu: 'x64' },
];

/** `npm ci --dry-run` for one platform in a folder holding only the manifest and the lock. */
function dryRunCi(lock: string, platform: { os: string; cpu: string }): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cpb-lock-'));
  try {
    copyFileSync(repoPath('package.json'), join(dir, 'package.json'));
    writeFileSync(join(dir, 'package-lock.json'), lock);
    const run = spawnSync(
      'npm',
      [
        'ci',
        '--dry-run',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        `--os=${platform.os}`,
        `--cpu=${platform.cpu}`,
      ],
      { cwd: dir, encoding: 'utf8', timeout: 120_000 },
    );
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the lockfile', () => {
  const lock = readFileSync(repoPath('package-lock.json'), 'utf8');

  for (const platform of PLATFORMS) {
    it(`installs with npm ci on ${platform.os} ${platform.cpu}`, () => {
      const run = dryRunCi(lock, platform);
      expect({ status: run.status, missing: run.output.match(/Missing: .*/g) ?? [] }).toEqual({
        status: 0,
        missing: [],
      });
    }, 150_000);
  }

  it('is refused when it lacks another platform’s optional package (the check can fail)', () => {
    const parsed = JSON.parse(lock) as { packages: Record<string, unknown> };
    const other = Object.keys(parsed.packages).find((name) => /\/@swc\/core-darwin-arm64$/.test(name));
    expect(other).toBeDefined();
    delete parsed.packages[other!];
    const run = dryRunCi(JSON.stringify(parsed, null, 2), PLATFORMS[0]!);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/in sync|Missing/);
  }, 150_000);
});
