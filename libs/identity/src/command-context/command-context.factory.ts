import { randomUUID } from 'node:crypto';
import { BadRequestException, Injectable } from '@nestjs/common';
import type { CommandContext } from '#event-store';
import { Clock } from '#platform';
import type { Caller } from '../contracts/caller.js';

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Who, when and why for a write. The tenant and actor come from the signed-in caller; the command id
 * from the client's `Idempotency-Key` header when sent (so a retried request returns its first answer
 * and writes nothing), else a fresh one; the correlation id from `X-Correlation-Id` when sent.
 */
@Injectable()
export class CommandContextFactory {
  constructor(private readonly clock: Clock) {}

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
    const commandId = header(headers, 'idempotency-key') ?? randomUUID();
    const correlationId = header(headers, 'x-correlation-id') ?? commandId;
    return { tenantId, actor, onBehalfOf, commandId, correlationId, now: this.clock.now().toISOString() };
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
