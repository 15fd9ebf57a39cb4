// A small filesystem of the test's own (tmpfs, mounted as root) to fill up, and a ballast file to fill it with.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(command: string, args: readonly string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim();
  return { ok: result.status === 0, output };
}

/** Whether this machine lets the test mount a tmpfs (root, or a capable container); why not if not. */
export function probeTmpfs(): { ok: true } | { ok: false; reason: string } {
  if (process.platform !== 'linux')
    return { ok: false, reason: `tmpfs mounts need Linux (this is ${process.platform})` };
  const dir = mkdtempSync(join(tmpdir(), 'cpb-tmpfs-probe-'));
  try {
    const mounted = run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'cpb-fault-probe', dir]);
    if (!mounted.ok)
      return { ok: false, reason: `mount -t tmpfs is not permitted here: ${mounted.output || 'no reason given'}` };
    unmount(dir);
    return { ok: true };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function mountTmpfs(dir: string, sizeMb: number): void {
  const mounted = run('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'cpb-fault-disk', dir]);
  if (!mounted.ok) throw new Error(`mount -t tmpfs failed: ${mounted.output}`);
}

/** Unmounts (lazily if something still holds a file open) and removes the mount point. Never throws. */
export function unmount(dir: string): string {
  let outcome = run('umount', [dir]);
  if (!outcome.ok) outcome = run('umount', ['-l', dir]);
  try {
    rmdirSync(dir);
  } catch {
    // Still mounted (reported) or already gone.
  }
  return outcome.ok ? 'unmounted' : `umount failed: ${outcome.output}`;
}

export function freeBytes(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

/** Writes a ballast file that leaves about `leaveBytes` free on the filesystem; answers its size. */
export function fillLeaving(file: string, leaveBytes: number): number {
  const size = Math.max(0, freeBytes(join(file, '..')) - leaveBytes);
  const chunk = Buffer.alloc(1024 * 1024, 0x5a);
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    while (written < size) {
      written += writeSync(fd, chunk, 0, Math.min(chunk.length, size - written));
    }
  } finally {
    closeSync(fd);
  }
  return written;
}
