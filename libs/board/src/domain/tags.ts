import { RuleBroken } from '#kernel';

/** A theme or principle as a board lists it: a stable code to tag with, a label to show. */
export interface Tag {
  readonly code: string;
  readonly label: string;
}

/** Refuses tags the board does not list, so registers filter on a known vocabulary. */
export function requireKnownTags(kind: 'theme' | 'principle', used: readonly string[], known: readonly string[]): void {
  const unknown = used.filter((code) => !known.includes(code));
  if (unknown.length > 0) {
    throw new RuleBroken(`unknown-${kind}`, `The board does not list the ${kind} ${unknown.join(', ')}.`, { unknown });
  }
}
