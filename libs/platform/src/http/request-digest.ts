import { createHash } from 'node:crypto';
import { canonicalize } from '#event-store';

/**
 * The header under which the server (never the client) hands a request's digest to the command context:
 * the method, the path and the body, so a retry with an Idempotency-Key can be told from another request
 * reusing the key. A client's own header of this name is dropped before anything reads it.
 */
export const REQUEST_DIGEST_HEADER = 'x-cpb-request-digest';

interface HookableRequest {
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
  readonly headers: Record<string, string | string[] | undefined>;
}

interface Hookable {
  addHook(name: 'onRequest' | 'preHandler', hook: (request: HookableRequest) => Promise<void>): unknown;
}

/** SHA-256 of the method, the path (with its query) and the canonical JSON body. */
export function requestDigest(method: string, url: string, body: unknown): string {
  const canonical = body === undefined ? '' : (canonicalize(body) ?? '');
  return createHash('sha256').update(`${method.toUpperCase()} ${url}\n${canonical}`).digest('base64url');
}

/** Drops the client's copy when a request arrives, and sets the server's once the body is parsed. */
export function registerRequestDigest(fastify: Hookable): void {
  fastify.addHook('onRequest', async (request) => {
    delete request.headers[REQUEST_DIGEST_HEADER];
  });
  fastify.addHook('preHandler', async (request) => {
    if (request.headers['idempotency-key'] === undefined) return;
    request.headers[REQUEST_DIGEST_HEADER] = requestDigest(request.method, request.url, request.body);
  });
}
