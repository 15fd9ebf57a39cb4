// The streams the audit reads, named as the board and voice contexts name them (the audit reads the log,
// not their domains).
// `subject` is the access log's subject type: a view is logged as a 'contribution', as the voice
// context logs reads of its words, so one search finds every read of it.
export const AUDITED = {
  decision: { stream: (id: string) => `decision-${id}`, what: 'decision', subject: 'decision' },
  meeting: { stream: (id: string) => `meeting-${id}`, what: 'meeting', subject: 'meeting' },
  view: { stream: (id: string) => `contribution-${id}`, what: 'view', subject: 'contribution' },
} as const;

export type AuditedKind = keyof typeof AUDITED;
