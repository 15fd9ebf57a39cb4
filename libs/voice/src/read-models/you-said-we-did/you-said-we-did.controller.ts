import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdentityService, Public } from '#identity/contracts';
import { NotFound, PublicReadLimit } from '#platform';
import { GetYouSaidWeDid } from './get-you-said-we-did.query.js';
import { GetPublicDecision } from './get-public-decision.query.js';
import { PublicDecisionResponse, YouSaidWeDidResponse } from './you-said-we-did.dto.js';

/** Anyone may read what the board did with young people's views: no account, the board named by its slug. */
@ApiTags('public')
@Controller('api/public/boards')
export class YouSaidWeDidController {
  constructor(
    private readonly queries: QueryBus,
    private readonly identity: IdentityService,
  ) {}

  @Get(':board/you-said-we-did')
  @Public()
  // A page anyone may open: generous, but bounded, per client address.
  @PublicReadLimit()
  @ApiOperation({ summary: '"You said, we did": the board’s responses, with the views their authors agreed to share' })
  @ApiOkResponse({ type: YouSaidWeDidResponse })
  @ApiNotFoundResponse({ description: 'No such board' })
  async list(@Param('board') board: string): Promise<YouSaidWeDidResponse> {
    const tenant = await this.identity.tenantBySlug(board);
    if (!tenant) throw new NotFound('There is no such board.');
    return { board: tenant.slug, entries: await this.queries.execute(new GetYouSaidWeDid(tenant.id)) };
  }

  @Get(':board/decisions/:decisionId')
  @Public()
  @PublicReadLimit()
  @ApiOperation({
    summary: 'A decision a "we did" points to: what the board decided and every action it set, with progress',
    description:
      'Only decisions that one of the board’s public answers points to, never one taken in private; anything ' +
      'else is 404. Shows no view, author or citation.',
  })
  @ApiOkResponse({ type: PublicDecisionResponse })
  @ApiNotFoundResponse({ description: 'No such board, or no such decision on its "You said, we did"' })
  async decision(
    @Param('board') board: string,
    @Param('decisionId') decisionId: string,
  ): Promise<PublicDecisionResponse> {
    const tenant = await this.identity.tenantBySlug(board);
    if (!tenant) throw new NotFound('There is no such board.');
    return this.queries.execute(new GetPublicDecision(tenant.id, tenant.slug, decisionId));
  }
}
