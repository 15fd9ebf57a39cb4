/**
 * One sentence of the labelled set, written for this product in the way children in care and care
 * leavers (8 to 25) write: text-speak, misspellings, lower-case names. Every one is invented; any likeness
 * to a real person is chance.
 *
 * What is labelled (the domain's "anything that could identify anyone"):
 * - name: a person's given name, surname or full name, whoever they are (the author, friends, family,
 *   carers, workers), in any case or spelling; a title goes with it ("Mrs Patel").
 * - nickname: a short form or made-up name for a person ("Kez", "big Dave", "JJ").
 * - place: a town, city, village, neighbourhood, estate, country, or a named local place (a park, a
 *   shopping centre, a children's home).
 * - address: a street (with its house or flat number if given) or a postcode.
 * - school: a named school, college, university or unit.
 * - date: a date of birth in any form, or any calendar date with its day.
 * - handle: a social media or gaming user name, with or without "@".
 * - contact: an e-mail address, a phone number or a web address.
 * Not labelled: ages, bare years, months or weekdays (except inside a date of birth), times, roles
 * ("my social worker"), unnamed places ("the park", "my school"), platforms and brands ("snapchat",
 * "Tesco"), services ("CAMHS", "the council").
 *
 * `pii` lists each span as [kind, exact text], in the order they occur; a text that occurs twice is
 * listed twice.
 */
export type LabelKind = 'name' | 'nickname' | 'place' | 'address' | 'school' | 'date' | 'handle' | 'contact';

export const LABEL_KINDS: readonly LabelKind[] = [
  'name',
  'nickname',
  'place',
  'address',
  'school',
  'date',
  'handle',
  'contact',
];

export interface LabelledSentence {
  readonly id: string;
  readonly text: string;
  readonly pii: ReadonlyArray<readonly [LabelKind, string]>;
}

export interface LabelledSpan {
  readonly kind: LabelKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The labelled spans with their offsets: each is the next occurrence of its text after the one before. */
export function spansOf(sentence: LabelledSentence): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  let from = 0;
  for (const [kind, text] of sentence.pii) {
    const start = sentence.text.indexOf(text, from);
    if (start < 0) throw new Error(`${sentence.id}: "${text}" is not in the sentence after offset ${from}`);
    spans.push({ kind, text, start, end: start + text.length });
    from = start + text.length;
  }
  return spans;
}
