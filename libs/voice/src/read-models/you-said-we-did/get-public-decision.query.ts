import { Injectable } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock, londonDateOf, NotFound } from '#platform';
import { BoardOutcomes } from '../board-outcomes/board-outcomes.reader.js';
import { decisionOutcome } from '../board-outcomes/outcome-words.js';
import { GetYouSaidWeDid } from './get-you-said-we-did.query.js';
import type { PublicDecisionResponse, YouSaidWeDidEntryResponse } from './you-said-we-did.dto.js';
import { actionsProgress } from './we-did.js';

/** A decision a "we did" points to, with every action it set and how each is going. */
export class GetPublicDecision extends Query<PublicDecisionResponse> {
  constructor(
    readonly tenantId: string,
    readonly board: string,
    readonly decisionId: string,
  ) {
    super();
  }
}

const NOT_HERE = 'There is no such decision on this board’s “You said, we did”.';

/**
 * Only a decision one of the board's public answers points to (a response still on the list), and
 * never one taken in private (an exempt item): anything else is "not found", the same for all, so
 * nothing is learnt by trying ids. No view, author or citation is shown here: only what the board did.
 */
@Injectable()
@QueryHandler(GetPublicDecision)
export class GetPublicDecisionHandler implements IQueryHandler<GetPublicDecision, PublicDecisionResponse> {
  constructor(
    private readonly queries: QueryBus,
    private readonly outcomes: BoardOutcomes,
    private readonly clock: Clock,
  ) {}

  async execute({ tenantId, board, decisionId }: GetPublicDecision): Promise<PublicDecisionResponse> {
    const entries: YouSaidWeDidEntryResponse[] = await this.queries.execute(new GetYouSaidWeDid(tenantId));
    const answering = entries.filter((entry) => entry.decisionIds.includes(decisionId));
    if (answering.length === 0) throw new NotFound(NOT_HERE);
    const decision = (await this.outcomes.decisions(tenantId, [decisionId])).get(decisionId);
    if (!decision) throw new NotFound(NOT_HERE);
    const meeting = (await this.outcomes.meetings(tenantId, [decision.meeting_id])).get(decision.meeting_id);
    const actions = await this.outcomes.actionsOf(tenantId, [decisionId]);
    const outcome = decisionOutcome(decision, meeting, actions, londonDateOf(this.clock.now().toISOString()));
    if (outcome.private) throw new NotFound(NOT_HERE);
    return {
      board,
      ...outcome,
      actions: [...outcome.actions],
      progress: actionsProgress(outcome.actions),
      answers: answering.map((entry) => ({ text: entry.text, givenAt: entry.givenAt })),
    };
  }
}
