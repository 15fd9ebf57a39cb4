import { Global, Module } from '@nestjs/common';
import { CITED_VIEW_STATES } from '#board';
import { CitedViewStatesFromReadModel } from './cited-views/cited-view-states.reader.js';
import { BoardOutcomes } from '../read-models/board-outcomes/board-outcomes.reader.js';
import { GetPublicDecisionHandler } from './you-said-we-did/get-public-decision.query.js';
import { GetYouSaidWeDidHandler } from './you-said-we-did/get-you-said-we-did.query.js';
import { YouSaidWeDidController } from './you-said-we-did/you-said-we-did.controller.js';

/**
 * What anyone may read: the public "You said, we did" list, and the decisions its answers point to. Global so that the board's decisions register
 * finds CITED_VIEW_STATES (contexts meet only through the board's contracts).
 */
@Global()
@Module({
  controllers: [YouSaidWeDidController],
  providers: [
    GetYouSaidWeDidHandler,
    GetPublicDecisionHandler,
    BoardOutcomes,
    { provide: CITED_VIEW_STATES, useClass: CitedViewStatesFromReadModel },
  ],
  exports: [CITED_VIEW_STATES],
})
export class PublicVoiceModule {}
