import { replaceNodes } from './data-paths.js';

describe('replaceNodes', () => {
  const sealed = (node: Record<string, unknown>): unknown => (node['secret'] === true ? 'opened' : undefined);

  it('returns the very same tree when nothing is replaced', () => {
    const tree = { a: 1, list: [{ b: 2 }, 'x'], nested: { c: { d: null } } };
    expect(replaceNodes(tree, sealed)).toBe(tree);
  });

  it('copies only the nodes on the way to a replacement and never mutates the input', () => {
    const untouched = { c: 3 };
    const tree = { keep: untouched, list: [{ secret: true }, { e: 4 }], deep: { x: { secret: true } } };
    const before = JSON.stringify(tree);
    const out = replaceNodes(tree, sealed) as typeof tree & { list: unknown[]; deep: { x: unknown } };
    expect(out).toEqual({ keep: { c: 3 }, list: ['opened', { e: 4 }], deep: { x: 'opened' } });
    expect(JSON.stringify(tree)).toBe(before);
    expect(out).not.toBe(tree);
    expect(out.keep).toBe(untouched);
    expect(out.list[1]).toBe(tree.list[1]);
  });

  it('keeps a key named "__proto__" as data, not as the prototype', () => {
    const tree = JSON.parse('{"__proto__": {"secret": true}, "a": 1}') as Record<string, unknown>;
    const out = replaceNodes(tree, sealed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('opened');
    expect(out['a']).toBe(1);
  });
});
