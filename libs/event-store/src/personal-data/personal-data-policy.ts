/** Who owns the personal data of one event, and where it sits in the event's data. */
export interface PersonalDataClaim {
  /** The data subject (a pseudonymous id): whose key seals these fields, and whose erasure shreds them. */
  readonly subject: string;
  /**
   * Top-level field names or dotted paths (`author.name`). A `*` segment matches every element of
   * an array or every value of an object (`attendees.*.name`); a numeric segment indexes an array.
   * Absent fields are skipped.
   */
  readonly paths: readonly string[];
}

// Method syntax makes the parameter bivariant, so a rule can name its event's own data type.
type Rule = { claim(data: unknown): PersonalDataClaim | undefined }['claim'];

/** A pure function of an event's data; undefined when this event carries no personal data. */
export type PersonalDataRule = Rule;

/** Rules by event type. Each context declares its own; the composition root merges them. */
export type PersonalDataPolicy = Readonly<Record<string, PersonalDataRule>>;

/** Merges the contexts' policies; two contexts claiming one event type is a wiring error. */
export function mergePolicies(...policies: readonly PersonalDataPolicy[]): PersonalDataPolicy {
  const merged: Record<string, PersonalDataRule> = {};
  for (const policy of policies) {
    for (const [type, rule] of Object.entries(policy)) {
      if (Object.hasOwn(merged, type)) throw new Error(`personal-data policy for ${type} is declared twice`);
      merged[type] = rule;
    }
  }
  return merged;
}
