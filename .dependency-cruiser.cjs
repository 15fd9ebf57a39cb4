/** Module boundaries (docs/adr/0001-architecture.md). Run by `npm run check:boundaries` in CI. */
const contexts = ['board', 'voice', 'insight', 'audit', 'identity'];
// Test code beside the specs (which are not cruised at all: options.exclude): libs/testing, a library's
// testing/ folder, and files named for a test's use (`*.test-harness.ts`, `*.test-fixtures.ts`...).
// Everything else under apps/ and libs/ is production code.
const testCode = '(^|/)testing/|\\.test-[a-z-]+\\.ts$';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds deciders: no framework, database, client or I/O imports.',
      severity: 'error',
      from: { path: '(^|/)domain/' },
      to: {
        path: 'node_modules/(@nestjs|typeorm|pg|better-sqlite3|@kurrent|pino|fastify|class-validator|class-transformer|@fastify)',
      },
    },
    {
      name: 'domain-uses-the-pure-kernel',
      comment: 'domain/ imports the shared kernel as #kernel (libs/platform/src/domain), never the whole platform.',
      severity: 'error',
      from: { path: '(^|/)domain/' },
      to: { path: '^libs/platform/src/', pathNot: '^libs/platform/src/domain/' },
    },
    {
      name: 'domain-no-node-io',
      comment: 'domain/ must not touch the file system, network or clock sources.',
      severity: 'error',
      from: { path: '(^|/)domain/' },
      to: { dependencyTypes: ['core'], path: '^(fs|net|http|https|child_process|node:fs|node:net|node:http|node:https|node:child_process)$' },
    },
    ...contexts.map((ctx) => ({
      name: `${ctx}-only-through-contracts`,
      comment: `Every other library (the demo too) imports ${ctx} only through libs/${ctx}/src/contracts (#${ctx}/contracts); its index.ts is the door for apps/ and tests.`,
      severity: 'error',
      from: { path: '^libs/', pathNot: [`^libs/${ctx}/`, testCode] },
      to: { path: `^libs/${ctx}/src/`, pathNot: `^libs/${ctx}/src/contracts/` },
    })),
    {
      name: 'demo-only-through-its-index',
      comment: 'The demo board (libs/demo) is imported as #demo, its index: by the api for `npm start`, and by tests.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '^libs/demo/' },
      to: { path: '^libs/demo/src/', pathNot: '^libs/demo/src/index\\.ts$' },
    },
    {
      name: 'production-does-not-import-test-code',
      comment: 'Production code (apps/, libs/) never imports libs/testing or other test code: what the demo runs is libs/demo.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: testCode },
      to: { path: testCode },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { conditionNames: ['types', 'import', 'node', 'default'] },
    exclude: { path: '(^dist/|\\.spec\\.ts$|\\.int-spec\\.ts$)' },
  },
};
