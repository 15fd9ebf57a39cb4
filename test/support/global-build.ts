// Jest's global setup for the end-to-end tests: compile the product once (dist/), before any test file
// runs, for the tests that start the compiled api, projector or CLI as real processes (test/smoke,
// test/faults, test/deploy). Building in each file would rewrite dist/ under another file's processes.
import { execFileSync } from 'node:child_process';

export default function build(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
