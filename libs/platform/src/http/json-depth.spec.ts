import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth.js';

describe('jsonNestsDeeperThan', () => {
  const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it('allows bodies up to the limit and refuses deeper ones, arrays or objects', () => {
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(jsonNestsDeeperThan(`${'{"a":'.repeat(4)}1${'}'.repeat(4)}`, 3)).toBe(true);
    expect(jsonNestsDeeperThan(`${'{"a":'.repeat(3)}1${'}'.repeat(3)}`, 3)).toBe(false);
  });

  it('counts depth, not the number of brackets, and ignores brackets inside strings', () => {
    expect(jsonNestsDeeperThan(JSON.stringify(Array.from({ length: 1000 }, () => [1])), 2)).toBe(false);
    expect(jsonNestsDeeperThan(Buffer.from(JSON.stringify({ text: '[[[[{{{{ "\\" [[[[' })), 1)).toBe(false);
  });
});
