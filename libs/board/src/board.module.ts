import { Global, Module } from '@nestjs/common';
import { BoardAggregates } from './commands/board-aggregates.js';
import { DecisionCommandsModule } from './commands/decisions.module.js';
import { GovernanceCommandsModule } from './commands/governance.module.js';
import { BoardReadModelsModule } from './read-models/read-models.module.js';
import { BOARD_RECORDS } from './contracts/board-records.js';
import { BoardRecordsFromStreams } from './commands/board-records.lookup.js';

/** The chair's side of the product: board, meetings, decisions with their voice evidence, actions. */
@Global()
@Module({
  imports: [GovernanceCommandsModule, DecisionCommandsModule, BoardReadModelsModule],
  // CONTRIBUTION_CITABILITY is provided by the voice context (VoiceModule), which answers for views.
  // BOARD_RECORDS is the board's answer to voice: is this meeting, item, decision or action the board's?
  providers: [BoardAggregates, { provide: BOARD_RECORDS, useClass: BoardRecordsFromStreams }],
  exports: [BoardAggregates, BOARD_RECORDS],
})
export class BoardModule {}
