/** What the anonymiser takes out, each kind shown to readers as its own placeholder. */
export type RemovedKind = 'name' | 'place' | 'address' | 'school' | 'date' | 'handle' | 'contact';

export const PLACEHOLDER: Readonly<Record<RemovedKind, string>> = {
  name: '[name]',
  place: '[place]',
  address: '[address]',
  school: '[school]',
  date: '[date]',
  handle: '[handle]',
  contact: '[contact]',
};

/** One part of the words taken out: its kind, its original text and where it was (UTF-16 offsets). */
export interface RemovedSpan {
  readonly kind: RemovedKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface Anonymised {
  /** The words with every removed span replaced by its placeholder. */
  readonly text: string;
  /** What was removed, in the order it appeared. */
  readonly removed: readonly RemovedSpan[];
}

/** A candidate before merging: `rank` orders kinds where two candidates overlap (lower wins). */
export interface Candidate {
  readonly kind: RemovedKind;
  readonly start: number;
  readonly end: number;
}

const RANK: Readonly<Record<RemovedKind, number>> = {
  contact: 0,
  handle: 1,
  date: 2,
  school: 3,
  address: 4,
  place: 5,
  name: 6,
};

/**
 * Overlapping candidates become one span of the strongest kind; neighbours of the same kind with only
 * spaces between ("Jane" "Quillfeather") become one, so a reader sees one "[name]" for one person.
 */
export function mergeCandidates(text: string, candidates: readonly Candidate[]): RemovedSpan[] {
  const sorted = [...candidates]
    .filter((c) => c.end > c.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || RANK[a.kind] - RANK[b.kind]);
  const merged: Array<{ kind: RemovedKind; start: number; end: number }> = [];
  for (const c of sorted) {
    const last = merged.at(-1);
    const touching =
      last && (c.start < last.end || (c.kind === last.kind && /^[ \t]*$/u.test(text.slice(last.end, c.start))));
    if (last && touching) {
      if (RANK[c.kind] < RANK[last.kind] && c.end - c.start >= (last.end - last.start) / 2) last.kind = c.kind;
      last.end = Math.max(last.end, c.end);
    } else {
      merged.push({ ...c });
    }
  }
  return merged.map((m) => ({ ...m, text: text.slice(m.start, m.end) }));
}

export function render(text: string, removed: readonly RemovedSpan[]): string {
  let out = '';
  let at = 0;
  for (const span of removed) {
    out += text.slice(at, span.start) + PLACEHOLDER[span.kind];
    at = span.end;
  }
  return out + text.slice(at);
}
