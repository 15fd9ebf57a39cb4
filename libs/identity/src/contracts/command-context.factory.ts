import { randomUUID } from 'node:crypto';
import { BadRequestException, Injectable } from '@nestjs/common';
import type { CommandContext } from '#event-store';
import { Clock, REQUEST_DIGEST_HEADER, ServerPepper } from '#platform';
import type { Caller } from './caller.js';

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Who, when and why for a write. The tenant and actor come from the signed-in caller; the command id
 * from the client's `Idempotency-Key` header when sent (so a retried request returns its first answer
 * and writes nothing), else a fresh one; the correlation id from `X-Correlation-Id` when sent.
 *
 * The key itself is never kept: a new view's receipt code is derived from it, and the command id is
 * stored in the envelope, shown to auditors and exported. So the command id is a keyed hash of the key,
 * the request hash ties it to the one request it was first sent with, and the retry seed (never stored)
 * is what a retry needs to derive the same code again.
 */
@Injectable()
export class CommandContextFactory {
  constructor(
    private readonly clock: Clock,
    private readonly pepper: ServerPepper,
  ) {}

  forStaff(caller: Caller, headers: Headers, onBehalfOf: CommandContext['onBehalfOf'] = null): CommandContext {
    return this.build(caller.tenantId, { id: caller.userId, role: caller.actingRole }, headers, onBehalfOf);
  }

  /** A young person acting anonymously, by a pseudonymous id (never a name). */
  forYoungPerson(
    tenantId: string,
    pseudonym: string,
    headers: Headers,
    onBehalfOf: CommandContext['onBehalfOf'] = null,
  ): CommandContext {
    return this.build(tenantId, { id: pseudonym, role: 'young-person' }, headers, onBehalfOf);
  }

  private build(
    tenantId: string,
    actor: CommandContext['actor'],
    headers: Headers,
    onBehalfOf: CommandContext['onBehalfOf'],
  ): CommandContext {
    const now = this.clock.now().toISOString();
    const key = header(headers, 'idempotency-key');
    if (key === undefined) {
      const commandId = randomUUID();
      const correlationId = header(headers, 'x-correlation-id') ?? commandId;
      return { tenantId, actor, onBehalfOf, commandId, correlationId, now };
    }
    const commandId = `key-${this.pepper.text('command-id', tenantId, key)}`;
    const correlationId = header(headers, 'x-correlation-id') ?? commandId;
    const digest = header(headers, REQUEST_DIGEST_HEADER);
    return {
      tenantId,
      actor,
      onBehalfOf,
      commandId,
      correlationId,
      now,
      ...(digest === undefined ? {} : { requestHash: this.pepper.text('request', tenantId, key, digest) }),
      retrySeed: this.pepper.text('retry-seed', tenantId, key),
    };
  }
}

function header(headers: Headers, name: string): string | undefined {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === '') return undefined;
  if (!KEY.test(value)) {
    throw new BadRequestException(`${name} must be 8 to 100 letters, digits, dots, colons, underscores or dashes`);
  }
  return value;
}
