/** Module boundaries (docs/adr/0001-architecture.md). Run by `npm run check:boundaries` in CI. */
const contexts = ['board', 'voice', 'insight', 'audit', 'identity'];
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
      comment: `Other contexts may import ${ctx} only through libs/${ctx}/src/contracts or its index.`,
      severity: 'error',
      from: { path: '^libs/', pathNot: `^libs/(${ctx}|testing)/` },
      to: { path: `^libs/${ctx}/src/`, pathNot: `^libs/${ctx}/src/(contracts/|index\\.ts$)` },
    })),
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
