import type { ContributionCitability } from '../domain/index.js';

export type { ContributionCitability };

/** An agenda item of a meeting, as a decision names it. */
export interface AgendaItemRef {
  readonly meetingId: string;
  readonly itemId: string;
}

/**
 * The contract the voice context answers for the board: may these contributions be cited by a decision?
 * Only views accepted by moderation and not withdrawn are 'citable'. Asked about an agenda item, it also
 * says whether each view was tabled there (`tabledAtItem`), as of the latest write: a view tabled a
 * moment before the decision counts. The voice context binds it (CONTRIBUTION_CITABILITY).
 */
export interface ContributionCitabilityReader {
  citability(
    tenantId: string,
    contributionIds: readonly string[],
    item?: AgendaItemRef,
  ): Promise<ContributionCitability[]>;
}

export const CONTRIBUTION_CITABILITY = 'cpb:ContributionCitabilityReader';

/**
 * What became of a view after a decision cited it. 'current': still before the board; 'withdrawn' by its
 * author; 'erased' on request; 'withheld' for safeguarding since; 'unknown' to the voice context.
 * Erasure outranks withdrawal, which outranks withholding.
 */
export const CITED_VIEW_STATE_NAMES = ['current', 'withdrawn', 'erased', 'withheld'] as const;
export type CitedViewState = (typeof CITED_VIEW_STATE_NAMES)[number] | 'unknown';

export interface CitedViewStateOf {
  readonly contributionId: string;
  readonly state: CitedViewState;
}

/**
 * The contract the voice context answers for the decisions register: the state of several cited views at
 * once, so a decision shows a later withdrawal or erasure without the view's words. Optional for the
 * board: without it, citations are shown as they were recorded.
 */
export interface CitedViewStatesReader {
  states(tenantId: string, contributionIds: readonly string[]): Promise<CitedViewStateOf[]>;
}

export const CITED_VIEW_STATES = 'cpb:CitedViewStatesReader';
