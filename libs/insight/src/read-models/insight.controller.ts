import { Controller, Get, Header, Inject, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { BOARD_RECORDS, type BoardRecordsLookup } from '#board/contracts';
import { AccessLog, CurrentCaller, IdentityService, Roles, type Caller } from '#identity/contracts';
import { GetEvidencePack, type EvidencePack } from './evidence-pack/get-evidence-pack.query.js';
import { renderEvidencePack } from './evidence-pack/evidence-pack.html.js';
import { impactCharts, type Chart } from './evidence-pack/impact-charts.js';
import { PdfPrinter } from './evidence-pack/pdf-printer.js';
import {
  GetDecisionInfluence,
  viewsWithWords,
  type DecisionInfluence,
} from './decision-influence/get-decision-influence.query.js';
import { asAtOf, AsAtParams, IdParams, INSIGHT_READERS, ItemParams, PeriodParams } from './insight-params.js';
import { recordInsightRead } from './record-insight-read.js';
import { GetTabledViews, type TabledViews } from './tabled-views/get-tabled-views.query.js';
import { GetViewJourney, type ViewJourney } from './view-journey/get-view-journey.query.js';
import { GetVoiceImpact, type VoiceImpact } from './voice-impact/get-voice-impact.query.js';
import { GetYouSaidWeDid, quotedViews, type YouSaidWeDid } from './you-said-we-did/get-you-said-we-did.query.js';

/**
 * How children's views shaped decisions. Every route reads "now" or, with `asAt` or `position`, as the
 * board knew it then. Responses carry a view's words only as its author allowed; each such read is
 * recorded, and so is every read by an auditor.
 */
@ApiTags('insight')
@ApiBearerAuth()
@Controller('api/insight')
export class InsightController {
  constructor(
    private readonly queries: QueryBus,
    private readonly accessLog: AccessLog,
    private readonly identity: IdentityService,
    private readonly pdf: PdfPrinter,
    @Inject(BOARD_RECORDS) private readonly board: BoardRecordsLookup,
  ) {}

  /** A decision's views grouped by influence (shaped, informed, considered but not adopted), or why none applied. */
  @Get('decisions/:id/influence')
  @Roles(...INSIGHT_READERS)
  @ApiOkResponse({ description: 'The decision and its cited views by influence' })
  @ApiNotFoundResponse({ description: 'No such decision on your board (at that moment)' })
  async decisionInfluence(
    @CurrentCaller() caller: Caller,
    @Param() { id }: IdParams,
    @QueryParam() params: AsAtParams,
  ): Promise<DecisionInfluence> {
    return this.queries.execute(new GetDecisionInfluence(caller, id, asAtOf(params)));
  }

  /** A view's journey: submitted, moderated, tabled, considered, cited, actions, feedback. Never its words. */
  @Get('views/:id/journey')
  @Roles(...INSIGHT_READERS)
  @ApiOkResponse({ description: "The view's steps in order, the decisions citing it, their actions, the feedback" })
  @ApiNotFoundResponse({ description: 'No such view on your board (at that moment)' })
  async viewJourney(
    @CurrentCaller() caller: Caller,
    @Param() { id }: IdParams,
    @QueryParam() params: AsAtParams,
  ): Promise<ViewJourney> {
    return this.queries.execute(new GetViewJourney(caller, id, asAtOf(params)));
  }

  /** The views tabled at an agenda item (what a decision on it may cite), words only as their authors allowed. */
  @Get('meetings/:meetingId/items/:itemId/views')
  @Roles(...INSIGHT_READERS)
  @ApiOkResponse({ description: 'The views tabled at the item, and how many were withheld' })
  async tabledViews(
    @CurrentCaller() caller: Caller,
    @Param() { meetingId, itemId }: ItemParams,
    @QueryParam() params: AsAtParams,
  ): Promise<TabledViews> {
    const tabled = await this.queries.execute(new GetTabledViews(caller.tenantId, meetingId, itemId, asAtOf(params)));
    await recordInsightRead(
      this.accessLog,
      caller,
      'meeting',
      [meetingId],
      tabled.views.filter((v) => v.words !== undefined || v.summary !== undefined).map((v) => v.contributionId),
    );
    return tabled;
  }

  /** "You said, we did" by theme: what young people said, what the board decided and did, what is open. */
  @Get('you-said-we-did')
  @Roles(...INSIGHT_READERS)
  @ApiOkResponse({ description: 'One story per theme' })
  async youSaidWeDid(@CurrentCaller() caller: Caller, @QueryParam() params: PeriodParams): Promise<YouSaidWeDid> {
    const { from, to } = params;
    const story = await this.queries.execute(new GetYouSaidWeDid(caller.tenantId, { from, to }, asAtOf(params)));
    await recordInsightRead(this.accessLog, caller, 'board', [caller.tenantId], quotedViews(story));
    return story;
  }

  /** Voice impact for a period: figures and the series behind the dashboard's charts. */
  @Get('impact')
  @Roles(...INSIGHT_READERS)
  @ApiOkResponse({ description: 'Figures and chart series for the period' })
  async impact(@CurrentCaller() caller: Caller, @QueryParam() params: PeriodParams): Promise<VoiceImpact> {
    const { from, to } = params;
    const impact = await this.queries.execute(new GetVoiceImpact(caller.tenantId, { from, to }, asAtOf(params)));
    await recordInsightRead(this.accessLog, caller, 'board', [caller.tenantId], []);
    return impact;
  }

  /** The dashboard's charts for a period: each as SVG with its description and the table of the same figures. */
  @Get('charts')
  @Roles(...INSIGHT_READERS)
  @ApiOkResponse({ description: '{ charts: [{ title, description, svg, table: { head, rows } }] }' })
  async charts(@CurrentCaller() caller: Caller, @QueryParam() params: PeriodParams): Promise<{ charts: Chart[] }> {
    const { from, to } = params;
    const impact = await this.queries.execute(new GetVoiceImpact(caller.tenantId, { from, to }, asAtOf(params)));
    await recordInsightRead(this.accessLog, caller, 'board', [caller.tenantId], []);
    return { charts: await impactCharts(impact.series, await this.board.themeNames(caller.tenantId)) };
  }

  /** The evidence pack for an inspection, as one HTML document: figures, charts, a sample of decisions. */
  @Get('evidence-pack')
  @Roles(...INSIGHT_READERS)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A self-contained HTML document' })
  async evidencePack(@CurrentCaller() caller: Caller, @QueryParam() params: PeriodParams): Promise<string> {
    return this.renderPack(caller, params);
  }

  /** The same evidence pack as a PDF (printed by Chromium; 503 if the server has none, or too many are being printed). */
  @Get('evidence-pack.pdf')
  @Roles(...INSIGHT_READERS)
  @Header('Content-Type', 'application/pdf')
  @Header('Content-Disposition', 'attachment; filename="evidence-pack.pdf"')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The evidence pack as a PDF' })
  async evidencePackPdf(@CurrentCaller() caller: Caller, @QueryParam() params: PeriodParams): Promise<Buffer> {
    // The pack is read only once a print slot is free: a request refused 503 has read nothing.
    return this.pdf.print(() => this.renderPack(caller, params));
  }

  private async renderPack(caller: Caller, params: PeriodParams): Promise<string> {
    const { from, to } = params;
    const pack: EvidencePack = await this.queries.execute(
      new GetEvidencePack(caller.tenantId, { from, to }, asAtOf(params)),
    );
    const tenant = await this.identity.tenantById(caller.tenantId);
    const html = renderEvidencePack(
      pack,
      await impactCharts(pack.impact.series, await this.board.themeNames(caller.tenantId)),
      tenant?.name ?? 'Corporate Parenting Board',
    );
    await recordInsightRead(
      this.accessLog,
      caller,
      'board',
      [caller.tenantId],
      [...quotedViews(pack.youSaidWeDid), ...pack.sample.flatMap(viewsWithWords)],
    );
    return html;
  }
}
