import { Controller, Get, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProjectionRunner, trackWrites, type WriteTrack } from '#event-store';
import { Public } from '#identity';
import { charCount, PublicReadLimit, ReceiptCodeLimit, toProblem } from '#platform';
import { ActOnMyView, CheckView, SUMMARY_MESSAGE_MAX_CHARS, type MyViewResponse } from '#voice';
import { CheckSessionStore, type CheckFlash, type CheckSession } from './check-sessions.js';
import { CsrfGuard } from './csrf.guard.js';
import { KEPT_UNITS, MAX_CHARACTERS, SHARING } from './give-a-view.form.js';

import { COOKIE_OPTIONS, pageDate, PageRenderer } from './page-renderer.js';
import { actionWords, changedWords, updateWords, type DateWords } from './we-did-words.js';

const CHECK_COOKIE = 'cpb-check';
/**
 * How long an action waits for the read models to show it before the view page is shown again
 * (read your own writes, ADR 0021): the page then shows the change, not the view as it was.
 */
const SHOW_CHANGE_WITHIN_MS = 3_000;
/** The session's id is sent only to the check pages, never with any other request. */
const CHECK_COOKIE_OPTIONS = { ...COOKIE_OPTIONS, path: '/check' };
/** A receipt code is about 20 characters; anything far longer is not one (the API allows 100). */
const MAX_CODE_LENGTH = 100;

type Form = Record<string, unknown>;
const field = (body: unknown, name: string): string => {
  const value = (body as Form | null | undefined)?.[name];
  // Enough of a field to say "too long", never more: a posted form does not become a session of its size.
  return typeof value === 'string' ? value.slice(0, KEPT_UNITS) : '';
};

/**
 * "Check my view", server-rendered: the receipt code is posted once, kept on the server for this
 * browser (CheckSessionStore), and every later page and action reads it from there, so no address,
 * redirect or history entry ever holds it. Every read and action goes through the same query and
 * command as the JSON API's /api/public/views routes (CheckView on the QueryBus, ActOnMyView on the
 * CommandBus), and every route that uses a code has the API's receipt-code rate limit.
 */
@ApiExcludeController()
@Public()
@Controller('check')
export class CheckMyViewPagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly pages: PageRenderer,
    private readonly sessions: CheckSessionStore,
    private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @PublicReadLimit()
  enter(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { id, session } = this.session(request);
    const flash = this.takeFlash(id, session);
    return this.pages.send(request, reply, 'check-enter.njk', {
      errors: flash.errors ?? [],
      typed: session?.typed?.receiptCode ?? '',
      csrfToken: reply.generateCsrf(),
    });
  }

  @Post()
  @UseGuards(CsrfGuard)
  // The same limit as POST /api/public/views/check, per address: a guard against guessing codes.
  @ReceiptCodeLimit()
  async open(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const code = field(request.body, 'receiptCode').trim().slice(0, MAX_CODE_LENGTH);
    const message = code === '' ? 'myView.errors.codeRequired' : await this.codeProblem(code);
    // A new id each time a code is posted: an id seen before the code was right never opens a view.
    const id = this.sessions.newId();
    const old = request.cookies[CHECK_COOKIE];
    if (old !== undefined) this.sessions.delete(old);
    void reply.setCookie(CHECK_COOKIE, id, CHECK_COOKIE_OPTIONS);
    if (message !== undefined) {
      this.sessions.set(id, {
        typed: { receiptCode: code },
        flash: { errors: [{ field: 'receiptCode', message }] },
      });
      return this.seeOther(reply, '/check#error-summary');
    }
    this.sessions.set(id, { code });
    return this.seeOther(reply, '/check/view');
  }

  @Get('view')
  // Reads the view with the kept code: counted like every other use of a code.
  @ReceiptCodeLimit()
  async view(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { id, session } = this.session(request);
    if (id === undefined || session?.code === undefined) return this.seeOther(reply, '/check');
    const view: MyViewResponse = await this.queryBus.execute(new CheckView(session.code));
    const flash = this.takeFlash(id, session);
    const withdrawn = view.status === 'withdrawn';
    const { t, locale } = this.pages.words(request, reply);
    const date: DateWords = (value) => pageDate(value, locale);
    return this.pages.send(request, reply, 'check-view.njk', {
      view,
      // Sentences made from CheckView's facts in the reader's language; what is shown is what it answered.
      decisions: view.decisions.map((decision) => ({
        ...decision,
        changed: changedWords(t, date, decision),
        actions: decision.actions.map((action) => ({
          description: action.description,
          words: actionWords(t, date, action),
          updates: action.updates.map((update) => ({
            words: updateWords(t, update),
            at: update.at,
            date: date(update.at),
          })),
        })),
      })),
      // A 'decided' step says how much the view weighed, as its decision below does.
      influenceOf: Object.fromEntries(
        view.decisions.filter((d) => d.influence !== undefined).map((d) => [d.decisionId, d.influence]),
      ),
      earlierAnswers: view.answers.filter((answer) => !answer.latest),
      latestAnswer: view.answers.find((answer) => answer.latest),
      withdrawn,
      errors: flash.errors ?? [],
      done: flash.done,
      typedAnswer: session.typed?.text ?? '',
      typedMessage: session.typed?.message ?? '',
      summaryMessageMax: SUMMARY_MESSAGE_MAX_CHARS,
      sharingChoices: SHARING,
      maxCharacters: MAX_CHARACTERS,
      // The child's own words are on this page, and they may write an answer: a quick way out, always.
      exitThisPage: true,
      csrfToken: reply.generateCsrf(),
    });
  }

  @Post('sharing')
  @UseGuards(CsrfGuard)
  @ReceiptCodeLimit()
  async sharing(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const sharing = field(request.body, 'sharing');
    if (!(SHARING as readonly string[]).includes(sharing)) {
      return this.failed(request, reply, [{ field: 'sharing-summary-only', message: 'myView.errors.sharingRequired' }]);
    }
    return this.act(request, reply, { kind: 'sharing', sharing: sharing as (typeof SHARING)[number] }, 'sharing');
  }

  @Post('answer')
  @UseGuards(CsrfGuard)
  @ReceiptCodeLimit()
  async answer(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const text = field(request.body, 'text');
    const problem =
      text.trim() === ''
        ? 'myView.errors.answerRequired'
        : charCount(text) > MAX_CHARACTERS
          ? 'myView.errors.answerTooLong'
          : undefined;
    if (problem !== undefined) return this.failed(request, reply, [{ field: 'text', message: problem }], { text });
    return this.act(request, reply, { kind: 'answer', text }, 'answer');
  }

  /** Agree with the summary a worker wrote, or ask for it to be written again (with a message, if any). */
  @Post('summary')
  @UseGuards(CsrfGuard)
  @ReceiptCodeLimit()
  async summary(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const response = field(request.body, 'response');
    const message = field(request.body, 'message').trim();
    // The version the child read: if a worker rewrote it since, the decider refuses rather than record
    // an answer to words the child has not seen.
    const version = Number.parseInt(field(request.body, 'version'), 10);
    const errors: { field: string; message: string }[] = [];
    if (response !== 'agree' && response !== 'change') {
      errors.push({ field: 'summary-agree', message: 'myView.errors.summaryRequired' });
    }
    if (charCount(message) > SUMMARY_MESSAGE_MAX_CHARS) {
      errors.push({ field: 'summary-message', message: 'myView.errors.summaryTooLong' });
    }
    if (errors.length) return this.failed(request, reply, errors, { message });
    return this.act(
      request,
      reply,
      {
        kind: 'summary',
        response: response as 'agree' | 'change',
        message: message === '' ? undefined : message,
        version: Number.isInteger(version) && version > 0 ? version : undefined,
      },
      `summary-${response}`,
    );
  }

  @Get('withdraw')
  @PublicReadLimit()
  confirmWithdraw(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.session(request).session?.code === undefined) return this.seeOther(reply, '/check');
    return this.pages.send(request, reply, 'check-withdraw.njk', { csrfToken: reply.generateCsrf() });
  }

  @Post('withdraw')
  @UseGuards(CsrfGuard)
  @ReceiptCodeLimit()
  async withdraw(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.act(request, reply, { kind: 'withdraw' }, 'withdraw');
  }

  /** "Finish": the code is forgotten here; the next person on this phone sees an empty form. */
  @Post('forget')
  @UseGuards(CsrfGuard)
  @PublicReadLimit()
  forget(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const id = request.cookies[CHECK_COOKIE];
    if (id !== undefined) this.sessions.delete(id);
    void reply.clearCookie(CHECK_COOKIE, CHECK_COOKIE_OPTIONS);
    return this.seeOther(reply, '/check');
  }

  private async act(
    request: FastifyRequest,
    reply: FastifyReply,
    act: ConstructorParameters<typeof ActOnMyView>[2],
    done: string,
  ): Promise<FastifyReply> {
    const { id, session } = this.session(request);
    if (id === undefined || session?.code === undefined) return this.seeOther(reply, '/check');
    try {
      // No request headers are passed on: the command needs none from a page, and a page's headers are not the API's.
      const track: WriteTrack = { last: undefined };
      const code = session.code;
      await trackWrites(track, () => this.commandBus.execute(new ActOnMyView(code, {}, act)));
      // Still behind after the wait: the view page shows what it has; the change is saved either way.
      if (track.last !== undefined) await this.runner.waitPassed(track.last, { timeoutMs: SHOW_CHANGE_WITHIN_MS });
    } catch (error) {
      const status = toProblem(error).status;
      // A refusal the child can act on (already taken back, asked twice): said kindly on the view page.
      if (status >= 500 && status !== HttpStatus.SERVICE_UNAVAILABLE) throw error;
      const message = status === HttpStatus.SERVICE_UNAVAILABLE ? 'myView.errors.stillSaving' : 'myView.errors.refused';
      this.sessions.set(id, { code: session.code, flash: { errors: [{ field: 'status', message }] } });
      return this.seeOther(reply, '/check/view#error-summary');
    }
    this.sessions.set(id, { code: session.code, flash: { done: `myView.done.${done}` } });
    return this.seeOther(reply, '/check/view#done');
  }

  private failed(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: CheckFlash['errors'],
    typed?: Record<string, string>,
  ): FastifyReply {
    const { id, session } = this.session(request);
    if (id === undefined || session?.code === undefined) return this.seeOther(reply, '/check');
    this.sessions.set(id, { code: session.code, typed, flash: { errors } });
    return this.seeOther(reply, '/check/view#error-summary');
  }

  /** Why a code opens nothing, as a catalogue key; undefined when it opens a view. */
  private async codeProblem(code: string): Promise<string | undefined> {
    try {
      await this.queryBus.execute(new CheckView(code));
      return undefined;
    } catch (error) {
      const status = toProblem(error).status;
      if (status === HttpStatus.BAD_REQUEST) return 'myView.errors.codeInvalid';
      if (status === HttpStatus.NOT_FOUND) return 'myView.errors.codeUnknown';
      if (status === HttpStatus.SERVICE_UNAVAILABLE) return 'myView.errors.stillSaving';
      throw error;
    }
  }

  private session(request: FastifyRequest): { id?: string; session?: CheckSession } {
    const id = request.cookies[CHECK_COOKIE];
    const session = this.sessions.get(id);
    return session === undefined ? {} : { id, session };
  }

  /** Errors and "done" are shown once; what was typed goes with them. */
  private takeFlash(id: string | undefined, session: CheckSession | undefined): CheckFlash {
    if (id === undefined || session === undefined) return {};
    if (session.flash !== undefined || session.typed !== undefined) {
      if (session.code === undefined) this.sessions.delete(id);
      else this.sessions.set(id, { code: session.code });
    }
    return session.flash ?? {};
  }

  private seeOther(reply: FastifyReply, location: string): FastifyReply {
    return reply.code(HttpStatus.SEE_OTHER).header('location', location).send();
  }
}
