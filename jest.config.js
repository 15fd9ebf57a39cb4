// Jest runs in native ESM mode (NODE_OPTIONS=--experimental-vm-modules) with the SWC transform:
// NestJS 12 ships ESM only. See docs/adr/0002-esm-and-jest.md.
import { readFileSync } from 'node:fs';

const swc = JSON.parse(readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// The same `#lib` aliases as package.json "imports", pointed at the TypeScript sources.
const aliases = Object.fromEntries(
  Object.entries(pkg.imports).map(([name, target]) => [`^${name}$`, `<rootDir>/${target.types.slice(2)}`]),
);

const base = {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, sourceMaps: 'inline' }] },
  moduleNameMapper: {
    ...aliases,
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^es-toolkit/compat$': '<rootDir>/test/support/es-toolkit-compat.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

export default {
  // Jest reads testTimeout only here, not per project: each e2e file starts a whole application (or
  // several processes), and 5 s is too tight for its tests on a loaded 2-core machine.
  testTimeout: 30_000,
  // Three workers on these 2-core machines (Jest's default would be one): most files spend part of their
  // time waiting on the processes, databases and browsers they start. Two left a third of the CPU idle
  // (817 s of Jest with two, 692 s with three); four thrash (suite 1,096 s against 933 s with three, on
  // the same tree: issue 19's note). Each worker is recycled when it holds more than this after a file:
  // run in band, the whole suite's memory stayed in one process and the last files ran slower.
  maxWorkers: 3,
  workerIdleMemoryLimit: '1536MB',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/postgres/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/postgres/global-teardown.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // Each file starts a whole application (or several processes) in its hooks: 5 s is too tight under load.
      testTimeout: 30_000,
      globalSetup: '<rootDir>/test/support/global-build.ts',
    },
  ],
};
