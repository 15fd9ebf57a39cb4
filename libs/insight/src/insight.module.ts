import { Module, type DynamicModule } from '@nestjs/common';
import { InsightReadModelsAt } from './read-models/read-models-at.js';
import { GetEvidencePackHandler } from './read-models/evidence-pack/get-evidence-pack.query.js';
import { PDF_PRINT_SETTINGS, PdfPrinter, type PdfPrintSettings } from './read-models/evidence-pack/pdf-printer.js';
import { GetDecisionInfluenceHandler } from './read-models/decision-influence/get-decision-influence.query.js';
import { InsightController } from './read-models/insight.controller.js';
import { GetTabledViewsHandler } from './read-models/tabled-views/get-tabled-views.query.js';
import { GetViewJourneyHandler } from './read-models/view-journey/get-view-journey.query.js';
import { GetVoiceImpactHandler } from './read-models/voice-impact/get-voice-impact.query.js';
import { GetYouSaidWeDidHandler } from './read-models/you-said-we-did/get-you-said-we-did.query.js';

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
export class InsightModule {
  /** With the evidence pack's PDF limits from the configuration (imported without: 2 at once, 8 waiting). */
  static forRoot(pdf: PdfPrintSettings): DynamicModule {
    return { module: InsightModule, providers: [{ provide: PDF_PRINT_SETTINGS, useValue: pdf }] };
  }
}
