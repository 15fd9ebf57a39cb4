import { Module, type DynamicModule } from '@nestjs/common';
import { InsightReadModelsAt } from './as-at/read-models-at.js';
import { GetEvidencePackHandler } from './evidence-pack/get-evidence-pack.query.js';
import { PDF_PRINT_SETTINGS, PdfPrinter, type PdfPrintSettings } from './evidence-pack/pdf-printer.js';
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
export class InsightModule {
  /** With the evidence pack's PDF limits from the configuration (imported without: 2 at once, 8 waiting). */
  static forRoot(pdf: PdfPrintSettings): DynamicModule {
    return { module: InsightModule, providers: [{ provide: PDF_PRINT_SETTINGS, useValue: pdf }] };
  }
}
