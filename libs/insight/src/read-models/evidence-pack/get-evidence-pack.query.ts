import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '#platform';
import type { AsAt } from '#event-store';
import { InsightReadModelsAt } from '../read-models-at.js';
import { readDecisionInfluence, type DecisionInfluence } from '../decision-influence/get-decision-influence.query.js';
import { DECISIONS } from '../voice-influence.projection.js';
import { rowsOf, type Period } from '../insight-rows.js';
import { readVoiceImpact, type VoiceImpact } from '../voice-impact/get-voice-impact.query.js';
import { londonToday, readYouSaidWeDid, type YouSaidWeDid } from '../you-said-we-did/get-you-said-we-did.query.js';

/** How many decisions the pack shows in full, newest first. */
export const SAMPLE_DECISIONS = 5;

export interface EvidencePack {
  readonly period: Period;
  readonly generatedAt: string;
  readonly impact: VoiceImpact;
  readonly youSaidWeDid: YouSaidWeDid;
  /** A sample of decision influence records: the newest decisions in the period that cited views. */
  readonly sample: readonly DecisionInfluence[];
}

export class GetEvidencePack extends Query<EvidencePack> {
  constructor(
    readonly tenantId: string,
    readonly period: Period = {},
    readonly asAt?: AsAt,
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetEvidencePack)
export class GetEvidencePackHandler implements IQueryHandler<GetEvidencePack, EvidencePack> {
  constructor(
    private readonly at: InsightReadModelsAt,
    private readonly clock: Clock,
  ) {}

  execute({ tenantId, period, asAt }: GetEvidencePack): Promise<EvidencePack> {
    const now = asAt && 'recordedAt' in asAt ? asAt.recordedAt : this.clock.now();
    const today = londonToday(asAt, now);
    // One scratch replay (or the live tables) serves every part, so the figures agree with each other.
    return this.at.read(asAt, async (tables) => {
      const impact = await readVoiceImpact(tables, tenantId, period, now, today);
      const youSaidWeDid = await readYouSaidWeDid(tables, tenantId, period, today);
      const voiced = tables
        ? (await rowsOf(tables, DECISIONS, tenantId, {}, { column: 'recorded_at', ...period }))
            .filter((d) => d.cited > 0)
            .sort((a, b) => b.recorded_at.localeCompare(a.recorded_at))
            .slice(0, SAMPLE_DECISIONS)
        : [];
      const sample: DecisionInfluence[] = [];
      for (const d of voiced) {
        const influence = await readDecisionInfluence(tables, tenantId, d.decision_id);
        if (influence) sample.push(influence);
      }
      return { period, generatedAt: this.clock.now().toISOString(), impact, youSaidWeDid, sample };
    });
  }
}
