import type { Anonymise } from './anonymiser.js';
import { LABEL_KINDS, spansOf, type LabelKind, type LabelledSentence } from './labelled/labelled-sentence.js';

export interface Recall {
  readonly found: number;
  readonly total: number;
  readonly recall: number;
}

export interface Evaluation {
  readonly sentences: number;
  /** Every labelled span: found when each of its characters (spaces aside) was removed. */
  readonly overall: Recall;
  readonly byKind: Readonly<Record<LabelKind, Recall>>;
  /** Sentences with nothing to remove: how many lost anything, and how much of their text went. */
  readonly clean: { readonly sentences: number; readonly changed: number; readonly removedShare: number };
  /** Of all the characters removed anywhere, the share that was labelled (precision by character). */
  readonly precision: number;
  /** The labelled spans missed, by id and kind (never printed with the text outside tests). */
  readonly missed: ReadonlyArray<{ readonly id: string; readonly kind: LabelKind; readonly text: string }>;
}

const ratio = (found: number, total: number) => (total === 0 ? 1 : found / total);

/** Runs the anonymiser over labelled sentences and measures what it removed against the labels. */
export function evaluateAnonymiser(anonymise: Anonymise, sentences: readonly LabelledSentence[]): Evaluation {
  const counts = Object.fromEntries(LABEL_KINDS.map((k) => [k, { found: 0, total: 0 }])) as Record<
    LabelKind,
    { found: number; total: number }
  >;
  const missed: Array<{ id: string; kind: LabelKind; text: string }> = [];
  let cleanSentences = 0;
  let cleanChanged = 0;
  let cleanChars = 0;
  let cleanRemoved = 0;
  let removedChars = 0;
  let removedLabelled = 0;
  for (const sentence of sentences) {
    const { removed } = anonymise(sentence.text);
    const gone = new Uint8Array(sentence.text.length);
    for (const span of removed) gone.fill(1, span.start, span.end);
    const labelled = new Uint8Array(sentence.text.length);
    for (const span of spansOf(sentence)) {
      labelled.fill(1, span.start, span.end);
      counts[span.kind].total++;
      let found = true;
      for (let i = span.start; i < span.end; i++) if (!gone[i] && /\S/u.test(sentence.text[i]!)) found = false;
      if (found) counts[span.kind].found++;
      else missed.push({ id: sentence.id, kind: span.kind, text: span.text });
    }
    for (let i = 0; i < gone.length; i++) {
      if (!gone[i] || !/\S/u.test(sentence.text[i]!)) continue;
      removedChars++;
      if (labelled[i]) removedLabelled++;
    }
    if (sentence.pii.length === 0) {
      cleanSentences++;
      if (removed.length > 0) cleanChanged++;
      cleanChars += sentence.text.replace(/\s/gu, '').length;
      cleanRemoved += removed.reduce((sum, s) => sum + s.text.replace(/\s/gu, '').length, 0);
    }
  }
  const total = LABEL_KINDS.reduce((sum, k) => sum + counts[k].total, 0);
  const found = LABEL_KINDS.reduce((sum, k) => sum + counts[k].found, 0);
  return {
    sentences: sentences.length,
    overall: { found, total, recall: ratio(found, total) },
    byKind: Object.fromEntries(
      LABEL_KINDS.map((k) => [k, { ...counts[k], recall: ratio(counts[k].found, counts[k].total) }]),
    ) as Record<LabelKind, Recall>,
    clean: { sentences: cleanSentences, changed: cleanChanged, removedShare: ratio(cleanRemoved, cleanChars) },
    precision: ratio(removedLabelled, removedChars),
    missed,
  };
}
