import { Controller, Get, HttpStatus, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdentityService, Public } from '#identity';
import { AnonymousSubmissionLimit, createValidationPipe, PublicReadLimit, toProblem } from '#platform';
import {
  AGE_BANDS,
  CARE_STATUSES,
  GetOpenCalls,
  GiveView,
  GiveViewRequest,
  type GiveViewResponse,
  type OpenCallView,
} from '#voice';
import { CsrfGuard } from './csrf.guard.js';
import { DraftStore, EMPTY_FIELDS } from './drafts.js';
import {
  checkViewFields,
  MAX_CHARACTERS,
  readViewForm,
  SHARING,
  THEMES,
  toGiveViewRequest,
} from './give-a-view.form.js';
import { boardNotFound, findBoard, type Board } from './boards.js';
import { COOKIE_OPTIONS, PageRenderer } from './page-renderer.js';

const DRAFT_COOKIE = 'cpb-draft';

/** Whoever has the draft's id may read it: the cookie is scoped to the board's pages and to this browser. */
const draftCookie = (board: string) => ({ ...COOKIE_OPTIONS, path: `/boards/${board}/` });

/**
 * The young people's give-a-view journey, server-rendered: the board's home, the form, check your
 * answers, and the confirmation with the receipt code. Every form posts and every post redirects
 * (post/redirect/get); nothing typed and no code is ever in an address. The view is given through the
 * same use case (GiveView on the CommandBus) as POST /api/public/boards/:board/views, with its rate limit.
 */
@ApiExcludeController()
@Public()
@Controller('boards/:board')
export class YoungPeoplePagesController {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly identity: IdentityService,
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly pages: PageRenderer,
    private readonly drafts: DraftStore,
  ) {}

  @Get()
  @PublicReadLimit()
  async home(@Param('board') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const board = await this.board(slug);
    if (!board) return this.boardNotFound(request, reply);
    return this.pages.send(request, reply, 'board-home.njk', { board });
  }

  @Get('give-a-view')
  @PublicReadLimit()
  async form(@Param('board') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const board = await this.board(slug);
    if (!board) return this.boardNotFound(request, reply);
    const id = request.cookies[DRAFT_COOKIE];
    const draft = this.drafts.get(id, board.slug);
    // Errors are shown once; the words stay for the next visit until sent or expired.
    if (id !== undefined && draft?.errors.length) this.drafts.set(id, { ...draft, errors: [] });
    const fields = draft && draft.receiptCode === undefined ? draft.fields : EMPTY_FIELDS;
    return this.pages.send(request, reply, 'give-a-view.njk', {
      board,
      fields,
      errors: draft?.receiptCode === undefined ? (draft?.errors ?? []) : [],
      needsInvite: draft?.needsInvite ?? false,
      calls: await this.openCalls(board.slug),
      themes: THEMES,
      sharingChoices: SHARING,
      ageBands: AGE_BANDS,
      careStatuses: CARE_STATUSES,
      maxCharacters: MAX_CHARACTERS,
      csrfToken: reply.generateCsrf(),
    });
  }

  // Per address, as reads are: each post may make a draft, and drafts live in memory.
  @PublicReadLimit()
  @Post('give-a-view')
  @UseGuards(CsrfGuard)
  async saveDraft(@Param('board') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const board = await this.board(slug);
    if (!board) return this.boardNotFound(request, reply);
    let id = request.cookies[DRAFT_COOKIE];
    const before = this.drafts.get(id, board.slug);
    // A sent view's draft is finished: the next view starts a new one (and a new Idempotency-Key).
    if (id === undefined || before === undefined || before.receiptCode !== undefined) id = this.drafts.newId();
    const calls = await this.openCalls(board.slug);
    const fields = readViewForm(
      request.body,
      calls.map((call) => call.callId),
    );
    const needsInvite = before?.needsInvite ?? false;
    const errors = checkViewFields(fields, needsInvite);
    this.drafts.set(id, { board: board.slug, fields, errors, needsInvite });
    void reply.setCookie(DRAFT_COOKIE, id, draftCookie(board.slug));
    return this.seeOther(reply, `/boards/${board.slug}/give-a-view${errors.length ? '#error-summary' : '/check'}`);
  }

  @Get('give-a-view/check')
  @PublicReadLimit()
  async checkAnswers(@Param('board') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const board = await this.board(slug);
    if (!board) return this.boardNotFound(request, reply);
    const draft = this.drafts.get(request.cookies[DRAFT_COOKIE], board.slug);
    if (!draft || draft.receiptCode !== undefined || checkViewFields(draft.fields, draft.needsInvite).length) {
      return this.seeOther(reply, `/boards/${board.slug}/give-a-view`);
    }
    const calls = await this.openCalls(board.slug);
    return this.pages.send(request, reply, 'check-answers.njk', {
      board,
      fields: draft.fields,
      call: calls.find((c) => c.callId === draft.fields.about),
      csrfToken: reply.generateCsrf(),
    });
  }

  @Post('give-a-view/check')
  @UseGuards(CsrfGuard)
  // The same limit as the API's route that gives a view: per client address, per window.
  @AnonymousSubmissionLimit()
  async send(@Param('board') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const board = await this.board(slug);
    if (!board) return this.boardNotFound(request, reply);
    const id = request.cookies[DRAFT_COOKIE];
    const draft = this.drafts.get(id, board.slug);
    if (id === undefined || draft === undefined) return this.seeOther(reply, `/boards/${board.slug}/give-a-view`);
    // Sent already (a second press of the button): the same confirmation, nothing sent twice.
    if (draft.receiptCode !== undefined) return this.seeOther(reply, `/boards/${board.slug}/give-a-view/sent`);
    if (checkViewFields(draft.fields, draft.needsInvite).length) {
      return this.seeOther(reply, `/boards/${board.slug}/give-a-view`);
    }
    // The API's own validation, as POST /api/public/boards/:board/views runs it.
    const body = (await this.validation.transform(toGiveViewRequest(draft.fields), {
      type: 'body',
      metatype: GiveViewRequest,
    })) as GiveViewRequest;
    let answer: GiveViewResponse;
    try {
      // The draft's id is the Idempotency-Key: two presses at once reach one view and one code.
      answer = await this.commandBus.execute(new GiveView(board.slug, { 'idempotency-key': `page-${id}` }, body));
    } catch (error) {
      if (toProblem(error).status !== HttpStatus.FORBIDDEN) throw error;
      // The board asks for an invite code: back to the form, which now shows the field, kindly.
      const message = draft.fields.inviteCode === '' ? 'give.inviteNeeded' : 'give.inviteWrong';
      this.drafts.set(id, { ...draft, needsInvite: true, errors: [{ field: 'inviteCode', message }] });
      return this.seeOther(reply, `/boards/${board.slug}/give-a-view#error-summary`);
    }
    // The words go; only the code stays, to be shown on the next page.
    this.drafts.set(id, {
      board: board.slug,
      fields: EMPTY_FIELDS,
      errors: [],
      needsInvite: false,
      receiptCode: answer.receiptCode,
      sentAt: Date.now(),
    });
    return this.seeOther(reply, `/boards/${board.slug}/give-a-view/sent`);
  }

  @Get('give-a-view/sent')
  @PublicReadLimit()
  async sent(@Param('board') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const board = await this.board(slug);
    if (!board) return this.boardNotFound(request, reply);
    const code = this.drafts.get(request.cookies[DRAFT_COOKIE], board.slug)?.receiptCode;
    return this.pages.send(request, reply, 'sent.njk', {
      board,
      code,
      groups: code?.split('-') ?? [],
      spelled: code?.split('').join(' '),
    });
  }

  private board(slug: string): Promise<Board | undefined> {
    return findBoard(this.identity, this.queryBus, slug);
  }

  private async openCalls(slug: string): Promise<OpenCallView[]> {
    return this.queryBus.execute(new GetOpenCalls(slug));
  }

  private boardNotFound(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    return boardNotFound(this.pages, request, reply);
  }

  private seeOther(reply: FastifyReply, location: string): FastifyReply {
    return reply.code(HttpStatus.SEE_OTHER).header('location', location).send();
  }
}
