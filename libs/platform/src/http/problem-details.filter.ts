import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ConcurrencyConflict,
  EventStoreUnavailable,
  IdempotencyKeyReused,
  InvalidAppend,
  PersonalDataCorrupted,
  SubjectKeyUnwrapFailed,
  isStorageFull,
  isTransientDbError,
  StreamOfAnotherTenant,
  WrongExpectedVersion,
} from '#event-store';
import { Conflict, DomainError, Forbidden, InvalidInput, NotFound, RuleBroken } from '../domain/domain-errors.js';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDetails } from './problem-details.js';

/** Maps everything thrown to RFC 9457 problem details. A 500 is only ever our bug. */
export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    if (typeof body === 'object' && body !== null && 'type' in body) return body as ProblemDetails;
    const message =
      typeof body === 'string'
        ? body
        : Array.isArray((body as { message?: unknown }).message)
          ? (body as { message: string[] }).message.join('; ')
          : String((body as { message?: unknown }).message ?? exception.message);
    return problem(status, codeFor(status), message);
  }
  if (exception instanceof InvalidInput) {
    return problem(400, 'validation', exception.message, { errors: [...exception.errors] });
  }
  if (exception instanceof RuleBroken) {
    return problem(422, exception.code, exception.message, { ...exception.details });
  }
  if (exception instanceof NotFound) return problem(404, 'not-found', exception.message);
  if (exception instanceof StreamOfAnotherTenant)
    return problem(404, 'not-found', 'There is no such record in your board.');
  if (exception instanceof Forbidden) return problem(403, 'forbidden', exception.message);
  if (exception instanceof IdempotencyKeyReused) return problem(422, 'idempotency-key-reused', exception.message);
  if (exception instanceof Conflict) return problem(409, 'conflict', exception.message);
  // The store's words name internal streams and boards: say what happened in the user's words.
  if (exception instanceof ConcurrencyConflict) {
    return problem(
      409,
      'conflict',
      'Someone else changed this record at the same moment, several times over. Read it again and retry.',
    );
  }
  if (exception instanceof WrongExpectedVersion) {
    return problem(
      409,
      'conflict',
      'The record changed while this request was being handled; read it again and retry.',
    );
  }
  if (exception instanceof InvalidAppend) return problem(400, 'validation', exception.message);
  // A view sealed under another master key (before the key check existed), or an altered value: nothing
  // can be written for it here. Not the caller's fault, and not worth retrying; the operator can act.
  if (exception instanceof SubjectKeyUnwrapFailed || exception instanceof PersonalDataCorrupted) {
    return problem(
      409,
      'personal-data-unreadable',
      'This view’s words cannot be opened on this server, so nothing was written. Tell the board’s operator (docs/operations.md: a master key that does not match).',
    );
  }
  if (exception instanceof DomainError) return problem(422, exception.code, exception.message);
  // Checked before "unavailable" (the stores report a full disk as EventStoreUnavailable, with the driver's
  // error as its cause): a full disk is also an error worth retrying, but not in seconds.
  if (isStorageFull(exception)) {
    return problem(
      507,
      'storage-full',
      'The server has run out of storage space, so nothing was written. Try again later; staff have been alerted.',
    );
  }
  if (exception instanceof EventStoreUnavailable) {
    return problem(503, 'unavailable', 'The event store is unavailable; nothing was written. Try again shortly.');
  }
  if (isTransientDbError(exception)) {
    return problem(
      503,
      'unavailable',
      'The database is unavailable for the moment. Try again shortly: a write repeated with the same Idempotency-Key is applied once.',
    );
  }
  const fastify = fastifyError(exception);
  if (fastify) return fastify;
  return problem(500, 'internal', 'Something went wrong on our side. Nothing you sent was shown in this message.');
}

// Errors Fastify raises before a route runs (bad JSON, too large, wrong media type, a malformed address),
// in our words: Fastify's messages may quote the request.
const FASTIFY_DETAILS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the request body as application/json.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty but the content type says JSON.',
  FST_ERR_BAD_URL: 'The address is not valid: part of it is wrongly percent-encoded.',
  FST_ERR_MAX_PARAM_LENGTH: 'A part of the address is too long to be an id.',
};

function fastifyError(exception: unknown): ProblemDetails | undefined {
  const error = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof error?.statusCode !== 'number' || typeof error.code !== 'string' || !error.code.startsWith('FST_')) {
    return undefined;
  }
  const status = error.statusCode;
  if (status < 400 || status >= 500) return undefined;
  const detail =
    FASTIFY_DETAILS[error.code] ??
    (/JSON/.test(error.message ?? '')
      ? FASTIFY_DETAILS.FST_ERR_CTP_INVALID_JSON_BODY!
      : 'The request could not be read.');
  return problem(status, codeFor(status), detail);
}

function codeFor(status: number): string {
  switch (status) {
    case 400:
      return 'validation';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 405:
      return 'method-not-allowed';
    case 409:
      return 'conflict';
    case 413:
      return 'too-large';
    case 414:
      return 'uri-too-long';
    case 415:
      return 'unsupported-media-type';
    case 422:
      return 'rule-broken';
    case 429:
      return 'rate-limited';
    case 503:
      return 'unavailable';
    default:
      return status >= 500 ? 'internal' : 'error';
  }
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = toProblem(exception);
    if (body.status === HttpStatus.SERVICE_UNAVAILABLE || body.status === HttpStatus.INSUFFICIENT_STORAGE) {
      // Operators need to know; the error's name and code only (messages may quote input).
      const error = exception as { name?: string; code?: unknown };
      this.logger.warn(`${body.type}: ${error?.name ?? typeof exception} ${String(error?.code ?? '')}`.trim());
    } else if (body.status >= 500) {
      // The error's name, its driver's code (an SQLSTATE or errno: never input) and stack only: messages
      // may quote input.
      const error = exception as Error & { code?: unknown };
      const code = typeof error?.code === 'string' && /^[A-Z0-9_]{1,32}$/.test(error.code) ? ` (${error.code})` : '';
      this.logger.error(
        `unhandled ${error?.name ?? typeof exception}${code}`,
        error?.stack?.split('\n').slice(1, 6).join('\n'),
      );
    }
    sendProblem(reply, { ...body, instance: request?.routeOptions?.url ?? undefined });
  }
}

/** Answers with problem details, never kept by a browser or proxy (the filter's and the router's errors). */
export function sendProblem(reply: FastifyReply, body: ProblemDetails): void {
  void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).header('cache-control', 'no-store');
  // Unavailable or out of space: say when trying again is worth it.
  if ((body.status === 503 || body.status === 507) && !reply.hasHeader('retry-after')) {
    void reply.header('retry-after', body.status === 503 ? '5' : '60');
  }
  void reply.send(body);
}
