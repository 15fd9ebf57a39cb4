import { Module } from '@nestjs/common';
import { InsightReadModelsAt } from './as-at/read-models-at.js';
import { GetEvidencePackHandler } from './evidence-pack/get-evidence-pack.query.js';
import { PdfPrinter } from './evidence-pack/pdf-printer.js';
import { GetDecisionInfluenceHandler } from './decision-influence/get-decision-influence.query.js';
import { InsightController } from './insight.controller.js';
import { GetTabledViewsHandler } from './tabled-views/get-tabled-views.query.js';
import { GetViewJourneyHandler } from './view-journey/get-view-journey.query.js';
import { GetVoiceImpactHandler } from './voice-impact/get-voice-impact.query.js';
import { GetYouSaidWeDidHandler } from './you-said-we-did/get-you-said-we-did.query.js';

/** Read models that join board and voice: influence, journeys, "You said, we did", impact, evidence pack. */
@Module({
  controllers: [InsightController],
  providers: [
    InsightReadModelsAt,
    GetDecisionInfluenceHandler,
    GetViewJourneyHandler,
    GetYouSaidWeDidHandler,
    GetVoiceImpactHandler,
    GetTabledViewsHandler,
    GetEvidencePackHandler,
    PdfPrinter,
  ],
})
export class InsightModule {}
