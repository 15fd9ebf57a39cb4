// What the board says children's views did for a decision, and the contract the voice context
// answers to say whether a view may be cited.

export const INFLUENCES = ['shaped', 'informed', 'considered-not-adopted'] as const;
export type Influence = (typeof INFLUENCES)[number];

export interface Citation {
  readonly contributionId: string;
  readonly influence: Influence;
  /** Why, in plain words a young person can read. */
  readonly rationale: string;
  /**
   * Only for a view not tabled at the decision's item: why the board considered it all the same (it came
   * too late to table, it was raised at the meeting). Without it, only views tabled there may be cited.
   */
  readonly notTabledReason?: string;
}

/** Either the views that informed the decision, or why none applied: never silence. */
export type VoiceEvidence =
  | { readonly contributions: readonly Citation[]; readonly noneApplied?: undefined }
  | { readonly noneApplied: { readonly reason: string }; readonly contributions?: undefined };

/**
 * Contract with the voice context: 'citable' means accepted by moderation and not withdrawn;
 * 'needs-summary': accepted, but its author shares a summary only and no current summary has been
 * written (the board would be citing what it cannot read).
 * Until the voice context exists the handler must supply these; anything not listed counts as 'unknown'.
 */
export interface ContributionCitability {
  readonly contributionId: string;
  readonly status: 'citable' | 'withdrawn' | 'not-accepted' | 'needs-summary' | 'unknown';
  /** Asked about an agenda item: whether the view was tabled there. Absent counts as not tabled. */
  readonly tabledAtItem?: boolean;
}
