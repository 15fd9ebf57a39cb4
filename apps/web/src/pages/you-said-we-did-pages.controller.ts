import { Controller, Get, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdentityService, Public } from '#identity';
import { NotFound, PublicReadLimit } from '#platform';
import {
  GetPublicDecision,
  GetYouSaidWeDid,
  type PublicDecisionResponse,
  type YouSaidWeDidEntryResponse,
} from '#voice';
import { boardNotFound, findBoard } from './boards.js';
import { pageDate, PageRenderer } from './page-renderer.js';
import {
  actionWords,
  changedWords,
  peopleWords,
  progressWords,
  themeWords,
  updateWords,
  type DateWords,
} from './we-did-words.js';

/** Decision ids as the API's (never a name); anything else is not a page. */
const DECISION_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * "You said, we did", server-rendered: what the board answered young people, the words their authors
 * agreed to share, and each decision an answer points to with how its actions are going. Read in process
 * through the same queries as GET /api/public/boards/:board/you-said-we-did and .../decisions/:decisionId,
 * which alone decide what is public (sharing choices, moderation, private items); nothing is re-derived
 * here. Only the board's slug, a theme's code and a decision's id are ever in an address.
 */
@ApiExcludeController()
@Public()
@PublicReadLimit()
@Controller('boards/:board/you-said-we-did')
export class YouSaidWeDidPagesController {
  constructor(
    private readonly identity: IdentityService,
    private readonly queryBus: QueryBus,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  async list(
    @Param('board') slug: string,
    @Query('theme') wanted: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const board = await findBoard(this.identity, this.queryBus, slug);
    if (!board) return boardNotFound(this.pages, request, reply);
    const all: YouSaidWeDidEntryResponse[] = await this.queryBus.execute(new GetYouSaidWeDid(board.id));
    const { t, locale } = this.pages.words(request, reply);
    const date: DateWords = (value) => pageDate(value, locale);
    const themes = [...new Set(all.flatMap((entry) => entry.themes))].sort((a, b) =>
      themeWords(t, a).localeCompare(themeWords(t, b), locale),
    );
    // A theme to show only the answers about it: one the list has, else everything.
    const theme = typeof wanted === 'string' && themes.includes(wanted) ? wanted : undefined;
    const entries = theme === undefined ? all : all.filter((entry) => entry.themes.includes(theme));
    const summary =
      all.length === 0
        ? t('youSaid.none')
        : theme === undefined
          ? t('youSaid.count', { count: entries.length })
          : t('youSaid.countAbout', { count: entries.length, theme: themeWords(t, theme) });
    return this.pages.send(request, reply, 'you-said-we-did.njk', {
      board,
      summary,
      // The filter is offered when there is a choice to make, as the old page did.
      themeChoices:
        themes.length < 2
          ? []
          : [
              { value: '', text: t('youSaid.everything') },
              ...themes.map((code) => ({ value: code, text: themeWords(t, code), selected: code === theme })),
            ],
      entries: entries.map((entry) => ({
        date: date(entry.givenAt),
        givenAt: entry.givenAt,
        shared: entry.shared.map((view) => view.words),
        people: peopleWords(t, entry),
        text: entry.text,
        decisions: entry.decisions.map((decision) => ({
          href: `/boards/${board.slug}/you-said-we-did/decisions/${encodeURIComponent(decision.decisionId)}`,
          resolution: decision.resolution,
          decided: t('youSaid.decidedOn', { date: date(decision.decidedAt) }),
          progress: progressWords(t, decision.actions),
          changed: changedWords(t, date, decision),
        })),
      })),
    });
  }

  @Get('decisions/:decisionId')
  async decision(
    @Param('board') slug: string,
    @Param('decisionId') decisionId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const board = await findBoard(this.identity, this.queryBus, slug);
    if (!board) return boardNotFound(this.pages, request, reply);
    let decision: PublicDecisionResponse;
    try {
      if (!DECISION_ID.test(decisionId)) throw new NotFound('not a decision id');
      decision = await this.queryBus.execute(new GetPublicDecision(board.id, board.slug, decisionId));
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      // Not on this board's list, taken in private, or no such id: the same page for all.
      return this.pages.send(request, reply, 'not-found.njk', { board, decisionMissing: true }, HttpStatus.NOT_FOUND);
    }
    const { t, locale } = this.pages.words(request, reply);
    const date: DateWords = (value) => pageDate(value, locale);
    const decided = date(decision.decidedAt);
    return this.pages.send(request, reply, 'you-said-we-did-decision.njk', {
      board,
      decidedWhen: decision.meeting
        ? t('decision.decidedAt', { date: decided, meeting: decision.meeting.title })
        : t('decision.decidedOn', { date: decided }),
      resolution: decision.resolution,
      changed: changedWords(t, date, decision),
      progress: progressWords(t, decision.progress),
      actions: decision.actions.map((action) => ({
        description: action.description,
        status: action.status,
        words: actionWords(t, date, action),
        updates: action.updates.map((update) => ({
          words: updateWords(t, update),
          at: update.at,
          date: date(update.at),
        })),
      })),
      answers: decision.answers.map((answer) => ({
        text: answer.text,
        at: answer.givenAt,
        date: date(answer.givenAt),
      })),
    });
  }
}
