// Issue 19, item 2: the product on Node 24 LTS. The image's Node, the package's engines and the Node the
// suite runs on in CI (.ci/run fetches node-linux-<arch>@24 when the machine's is older) agree.
import { readFileSync } from 'node:fs';
import { dockerfileStages, readText, repoPath } from './support.js';

const major = (version: string): number => Number(/(\d+)/.exec(version)![1]);

describe('the supported Node', () => {
  it('is Node 24 LTS in the image, pinned to a minor version', () => {
    const dockerfile = readText('docker/Dockerfile');
    const image = /^ARG NODE_IMAGE=node:(\S+)$/m.exec(dockerfile)?.[1];
    expect(image).toMatch(/^24\.\d+-bookworm-slim/);
    // Every stage builds on that image, or on an earlier stage.
    const stages = dockerfileStages(dockerfile);
    const names = new Set(stages.map((stage) => stage.name));
    for (const stage of stages.filter((s) => !names.has(s.from))) expect(stage.from).toBe('${NODE_IMAGE}');
  });

  it('is allowed by the package’s engines, as is the Node running this test', () => {
    const { engines } = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { engines: { node: string } };
    expect(engines.node.split('||').map((range) => major(range.trim()))).toContain(24);
    expect(engines.node.split('||').map((range) => major(range.trim()))).toContain(major(process.versions.node));
  });

  // Outside .ci/run (a developer's own node) there is nothing to compare with.
  const expected = process.env.CPB_CI_EXPECT_NODE;
  (expected === undefined ? it.skip : it)('is the Node this suite runs on in CI', () => {
    expect(major(process.versions.node)).toBe(Number(expected));
  });
});
