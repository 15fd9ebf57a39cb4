// The jurisdiction sets the agenda notice period and the bank-holiday calendar.
export const JURISDICTIONS = ['england', 'wales'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
