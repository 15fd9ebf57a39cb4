import { isPlainObject } from './sealed-value.js';

/**
 * A copy of `root` with `fn` applied at every match of a dotted path (see PersonalDataClaim.paths).
 * Only the nodes on the way are copied; the input is never mutated. Missing paths are skipped.
 */
export function mapAtPath(root: unknown, path: string, fn: (value: unknown) => unknown): unknown {
  const segments = path.split('.');
  if (segments.some((segment) => segment === '')) throw new Error(`invalid personal-data path: ${path}`);
  return walk(root, segments, 0, fn);
}

function walk(node: unknown, segments: readonly string[], depth: number, fn: (value: unknown) => unknown): unknown {
  if (depth === segments.length) return node === undefined ? node : fn(node);
  const segment = segments[depth]!;
  const next = (child: unknown): unknown => walk(child, segments, depth + 1, fn);
  if (Array.isArray(node)) {
    if (segment === '*') return node.map(next);
    if (!/^\d+$/.test(segment)) return node;
    const index = Number(segment);
    if (index >= node.length) return node;
    const copy = node.slice();
    copy[index] = next(node[index]);
    return copy;
  }
  if (isPlainObject(node)) {
    if (segment === '*') return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, next(value)]));
    if (!Object.hasOwn(node, segment)) return node;
    return { ...node, [segment]: next(node[segment]) };
  }
  return node;
}

/**
 * A copy of `root` with every node `replace` answers for replaced; the rest is shared, not copied.
 * A node is copied only when something under it was replaced (a read of the log mostly finds nothing to
 * replace, and allocates nothing then).
 */
export function replaceNodes(root: unknown, replace: (node: Record<string, unknown>) => unknown | undefined): unknown {
  if (Array.isArray(root)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < root.length; i += 1) {
      const item: unknown = root[i];
      const out = replaceNodes(item, replace);
      if (out !== item) (copy ??= root.slice())[i] = out;
    }
    return copy ?? root;
  }
  if (isPlainObject(root)) {
    const replaced = replace(root);
    if (replaced !== undefined) return replaced;
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(root)) {
      const value = root[key];
      const out = replaceNodes(value, replace);
      if (out === value) continue;
      copy ??= { ...root };
      // A data property even for a key named "__proto__" (plain assignment would set the prototype).
      Object.defineProperty(copy, key, { value: out, writable: true, enumerable: true, configurable: true });
    }
    return copy ?? root;
  }
  return root;
}
