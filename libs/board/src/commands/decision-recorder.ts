import { Inject, Injectable } from '@nestjs/common';
import { idForNew, type CommandContext, BoardStreams, type WriteResult } from '#event-store';
import { NotFound } from '#platform';
import { CONTRIBUTION_CITABILITY, type ContributionCitabilityReader } from '../contracts/contribution-citability.js';
import {
  decisionDecider,
  decisionFacts,
  decisionStream,
  initialDecisionState,
  meetingFactsForDecision,
  type RecordDecision,
} from '../domain/index.js';
import { BoardAggregates } from './board-aggregates.js';
import { changeCommand, changeEarlierDecision, earlierDecisionId } from './change-decision/change-earlier-decision.js';
import type { DecisionInput } from './decision-content.request.js';

export type RecordedDecision = WriteResult & {
  readonly decisionId: string;
  /** With amends or supersedes: the write to the earlier decision's stream. */
  readonly earlier?: WriteResult;
};

/**
 * Records a decision at an agenda item of a meeting in progress, with the facts its rules need: the
 * meeting (its day, in progress, quorate, the item, declared interests, tags), whether each cited view may
 * be cited and was tabled at the item (asked of the voice context's contract), and the earlier decision it
 * amends or supersedes.
 */
@Injectable()
export class DecisionRecorder {
  constructor(
    private readonly aggregates: BoardAggregates,
    private readonly streams: BoardStreams,
    @Inject(CONTRIBUTION_CITABILITY) private readonly voice: ContributionCitabilityReader,
  ) {}

  async record(
    context: CommandContext,
    meetingId: string,
    itemId: string,
    input: DecisionInput,
  ): Promise<RecordedDecision> {
    const { decisionId: given, ...content } = input;
    const decisionId = idForNew(context, 'decision', given);
    const { tenantId } = context;
    const meeting = await this.aggregates.meeting(tenantId, meetingId);
    const cited = content.voiceEvidence?.contributions?.map((c) => c.contributionId) ?? [];
    // Asked about this item: a view may be cited only if tabled here (or with the chair's reason why not).
    const contributions = cited.length > 0 ? await this.voice.citability(tenantId, cited, { meetingId, itemId }) : [];
    const earlierId = earlierDecisionId(content);
    const earlier = earlierId === undefined ? undefined : await this.aggregates.decision(tenantId, earlierId);
    const command: RecordDecision = {
      type: 'RecordDecision',
      data: {
        ...content,
        meetingId,
        itemId,
        decisionId,
        at: context.now,
        facts: {
          meeting: meetingFactsForDecision(meeting, itemId),
          contributions,
          earlier: earlier && decisionFacts(earlierId!, earlier),
        },
      },
    };
    if (earlier && !(await this.exists(tenantId, decisionId))) {
      // Decide both writes before making the first, so a rule the second would break changes nothing.
      // (A retry, whose decision exists already, skips this: it only completes what the first attempt began.)
      decisionDecider.decide(command, initialDecisionState());
      const change = changeCommand(content, { decisionId, meetingId, recordedAt: context.now }, context.now);
      if (change) decisionDecider.decide(change, earlier);
    }
    const recorded = await this.streams.run(decisionDecider, decisionStream(decisionId), command, context, {
      id: decisionId,
    });
    if (!earlier) return { decisionId, ...recorded };
    const earlierWrite = await changeEarlierDecision(this.aggregates, this.streams, context, decisionId, content);
    return { decisionId, ...recorded, earlier: earlierWrite };
  }

  private async exists(tenantId: string, decisionId: string): Promise<boolean> {
    try {
      await this.aggregates.decision(tenantId, decisionId);
      return true;
    } catch (error) {
      if (error instanceof NotFound) return false;
      throw error;
    }
  }
}
