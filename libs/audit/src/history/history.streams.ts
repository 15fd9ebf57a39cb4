// The streams the audit reads, named as the board and voice contexts name them (the audit reads the log,
// not their domains).
export const AUDITED = {
  decision: { stream: (id: string) => `decision-${id}`, what: 'decision' },
  meeting: { stream: (id: string) => `meeting-${id}`, what: 'meeting' },
  view: { stream: (id: string) => `contribution-${id}`, what: 'view' },
} as const;

export type AuditedKind = keyof typeof AUDITED;
