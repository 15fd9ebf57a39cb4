import { Global, Module } from '@nestjs/common';
import { BoardAggregates } from './commands/shared/board-aggregates.js';
import { DecisionCommandsModule } from './commands/decisions/decisions.module.js';
import { GovernanceCommandsModule } from './commands/governance/governance.module.js';
import { BoardReadModelsModule } from './read-models/read-models.module.js';

/** The chair's side of the product: board, meetings, decisions with their voice evidence, actions. */
@Global()
@Module({
  imports: [GovernanceCommandsModule, DecisionCommandsModule, BoardReadModelsModule],
  // CONTRIBUTION_CITABILITY is provided by the voice context (VoiceModule), which answers for views.
  providers: [BoardAggregates],
  exports: [BoardAggregates],
})
export class BoardModule {}
