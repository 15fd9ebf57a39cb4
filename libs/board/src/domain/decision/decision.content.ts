import type { VoiceEvidence } from './voice-evidence.js';

export const DECISION_KINDS = ['resolution', 'recommendation', 'noted'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export type HowReached =
  | { readonly method: 'vote'; readonly for: number; readonly against: number; readonly abstain: number }
  | { readonly method: 'consensus' };

export interface RejectedAlternative {
  readonly option: string;
  readonly why: string;
}

export interface DecisionContent {
  readonly meetingId: string;
  readonly itemId: string;
  readonly resolution: string;
  readonly kind: DecisionKind;
  /** For a recommendation: the body it goes to (Cabinet, full council, a partner board). */
  readonly recommendedTo?: string;
  readonly reached: HowReached;
  readonly reasons: string;
  readonly alternativesRejected: readonly RejectedAlternative[];
  /** Members who declared an interest in the item. */
  readonly interestsDeclared: readonly string[];
  readonly themes: readonly string[];
  readonly principles: readonly string[];
  readonly voiceEvidence: VoiceEvidence;
  /** This decision amends an earlier one (which gets DecisionAmended on its own stream). */
  readonly amends?: { readonly decisionId: string; readonly reason: string; readonly changes: string };
  /** This decision replaces an earlier one (which gets DecisionSuperseded on its own stream). */
  readonly supersedes?: { readonly decisionId: string; readonly reason: string };
}
