import { Global, Module } from '@nestjs/common';
import { BoardAggregates } from './commands/shared/board-aggregates.js';
import { DecisionCommandsModule } from './commands/decisions/decisions.module.js';
import { GovernanceCommandsModule } from './commands/governance/governance.module.js';
import { CONTRIBUTION_CITABILITY, NoVoiceContextYet } from './contracts/contribution-citability.js';
import { BoardReadModelsModule } from './read-models/read-models.module.js';

/** The chair's side of the product: board, meetings, decisions with their voice evidence, actions. */
@Global()
@Module({
  imports: [GovernanceCommandsModule, DecisionCommandsModule, BoardReadModelsModule],
  providers: [BoardAggregates, { provide: CONTRIBUTION_CITABILITY, useClass: NoVoiceContextYet }],
  exports: [BoardAggregates, CONTRIBUTION_CITABILITY],
})
export class BoardModule {}
