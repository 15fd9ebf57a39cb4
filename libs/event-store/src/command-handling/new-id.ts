import { createHash } from 'node:crypto';
import type { CommandContext } from './handle-command.js';

/**
 * The id of a thing a command creates: the client's own when sent, else derived from the tenant and the
 * command id. The command id is the `Idempotency-Key` when sent (a fresh random UUID otherwise), so a
 * retried request addresses the same stream and is answered as a duplicate instead of creating twice.
 */
export function idForNew(context: CommandContext, kind: string, given?: string): string {
  if (given) return given;
  const hex = createHash('sha256').update(`${context.tenantId}\u0000${context.commandId}\u0000${kind}`).digest('hex');
  // Laid out as an RFC 9562 version 8 (custom) UUID, so it looks like every other id.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The context for a request's second write, to another stream. The store remembers command ids across
 * streams, so the second write needs its own id; deriving it from the first keeps a retry of the whole
 * request (same Idempotency-Key) idempotent for both writes, and the causation id links them.
 */
export function followUpContext(context: CommandContext, step: string): CommandContext {
  return { ...context, commandId: `${context.commandId}:${step}`, causationId: context.commandId };
}
