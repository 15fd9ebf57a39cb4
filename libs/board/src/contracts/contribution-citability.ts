import type { ContributionCitability } from '../domain/index.js';

export type { ContributionCitability };

/**
 * The contract the voice context answers for the board: may these contributions be cited by a decision?
 * Only views accepted by moderation and not withdrawn are 'citable'. Until the voice context provides
 * it (issue 4), the board binds `NoVoiceContextYet`, which knows no contribution.
 */
export interface ContributionCitabilityReader {
  citability(tenantId: string, contributionIds: readonly string[]): Promise<ContributionCitability[]>;
}

export const CONTRIBUTION_CITABILITY = 'cpb:ContributionCitabilityReader';

export class NoVoiceContextYet implements ContributionCitabilityReader {
  async citability(_tenantId: string, contributionIds: readonly string[]): Promise<ContributionCitability[]> {
    return contributionIds.map((contributionId) => ({ contributionId, status: 'unknown' as const }));
  }
}
