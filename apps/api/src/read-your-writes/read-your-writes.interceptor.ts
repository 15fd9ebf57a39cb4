import {
  HttpException,
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, tap, type Observable } from 'rxjs';
import { parsePosition, ProjectionRunner, trackWrites, type Position, type WriteTrack } from '#event-store';
import { problem, ValidationFailed, type AppConfig } from '#platform';
import { APP_CONFIG } from '../infrastructure/infrastructure.module.js';

/** On a write's answer: where its last event sits in the log (opaque; compare nothing, send it back). */
export const LOG_POSITION_HEADER = 'x-log-position';
/** On a read: answer only once the read models have passed this position (a write's X-Log-Position). */
export const READ_AFTER_HEADER = 'x-read-after';

// How soon a client may try again after the wait ran out: the read models are behind, not down.
const RETRY_AFTER_SECONDS = '1';

/**
 * Read your own writes, for every route at once (docs/adr/0021-read-your-writes.md). A request that
 * writes answers the position of its last append in X-Log-Position (a retry answers its first time's;
 * a command that decided nothing, or failed, answers none). A request sent with X-Read-After waits, up to
 * READ_AFTER_WAIT_MS, until every projection has passed that position, then runs; still behind by then,
 * it is a 503 with Retry-After. A malformed X-Read-After is a 400, its value never quoted.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    // Reads only: a write neither needs to wait nor may be held open by a position made up.
    const after = request.method === 'GET' ? readAfter(request.headers[READ_AFTER_HEADER]) : undefined;
    const track: WriteTrack = { last: undefined };
    const handle = (): Observable<unknown> =>
      // The handler runs inside the track (next.handle binds its async scope here), so every write it
      // awaits is noted; the position goes on a success only, and not on a reply the route sent itself.
      trackWrites(track, () => next.handle()).pipe(
        tap(() => {
          if (track.last !== undefined && !reply.sent) void reply.header(LOG_POSITION_HEADER, track.last);
        }),
      );
    if (after === undefined) return handle();
    return from(this.runner.waitPassed(after, { timeoutMs: this.config.READ_AFTER_WAIT_MS })).pipe(
      mergeMap((passed) => {
        if (!passed) {
          void reply.header('retry-after', RETRY_AFTER_SECONDS);
          throw new HttpException(
            problem(
              503,
              'read-after-timeout',
              'What you just saved is not ready to read yet. Try again in a moment: it has not been lost.',
            ),
            503,
          );
        }
        return handle();
      }),
    );
  }
}

/** The header's position; undefined when not sent; a 400 when it is not a position. */
export function readAfter(raw: string | string[] | undefined): Position | undefined {
  if (raw === undefined) return undefined;
  const position = typeof raw === 'string' ? parsePosition(raw.trim()) : undefined;
  if (position === undefined) {
    const reason = 'X-Read-After must be a position exactly as a write answered it in X-Log-Position';
    throw new ValidationFailed([{ field: 'X-Read-After', reason }]);
  }
  return position;
}
