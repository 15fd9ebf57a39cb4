// `npm test`: the checks (types, module boundaries, lint) and every Jest project, side by side rather than
// one after the other: Jest leaves part of these 2-core machines idle while its files wait on the
// processes, databases and browsers they start, and the checks fill it (issue 19: the suite's time).
// Jest's output streams as it runs; the checks' output is kept and printed after it, with their verdict.
// Arguments go to Jest (`npm test -- --testPathPatterns voice`). Exits non-zero when either part failed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const CHECKS = ['typecheck', 'check:boundaries', 'lint'];
// Node (22 and later) keeps the code it compiles here, so every later process that loads the same files
// (Jest's workers, tsc and eslint, and the api, projector and CLI the tests start, over a hundred times)
// skips compiling them again. Older Nodes ignore the setting.
process.env.NODE_COMPILE_CACHE ??= join(process.cwd(), '.tmp', 'node-compile-cache');
const JEST = [
  '--experimental-vm-modules',
  '--no-warnings=ExperimentalWarning',
  'node_modules/jest/bin/jest.js',
  ...process.argv.slice(2),
];

/** Runs a command to its end: its exit code, and its output when `keep` (else it goes to ours). */
function run(command, args, keep) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: keep ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (keep) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** The checks in order, stopping at the first that fails, as `npm run a && npm run b` would. */
async function checks() {
  const started = Date.now();
  let output = '';
  for (const name of CHECKS) {
    const result = await run('npm', ['run', name], true);
    output += result.output;
    if (result.code !== 0) return { code: result.code, output, failed: name, seconds: 0 };
  }
  return { code: 0, output, seconds: Math.round((Date.now() - started) / 1000) };
}

const [checked, jest] = await Promise.all([checks(), run(process.execPath, JEST, false)]);
process.stdout.write(`\n── checks: ${CHECKS.join(', ')} ──\n${checked.output}`);
process.stdout.write(
  checked.code === 0
    ? `checks passed in ${checked.seconds} s (run beside Jest)\n`
    : `checks FAILED at "npm run ${checked.failed}" (its output is above)\n`,
);
process.exit(checked.code !== 0 ? checked.code : jest.code);
