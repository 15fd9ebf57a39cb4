import { BadRequestException } from '@nestjs/common';
import { metadataFor } from '#event-store';
import { FixedClock, REQUEST_DIGEST_HEADER, ServerPepper } from '#platform';
import { CommandContextFactory } from './command-context.factory.js';

const caller = { userId: 'u1', tenantId: 't1', roles: ['clerk'] as const, actingRole: 'clerk' as const };

describe('CommandContextFactory', () => {
  const factory = new CommandContextFactory(
    new FixedClock(new Date('2026-05-01T10:00:00Z')),
    new ServerPepper('a-test-pepper-of-32-characters!!'),
  );

  it('takes tenant and actor from the caller, never from the request', () => {
    const context = factory.forStaff({ ...caller, roles: ['clerk'] }, { 'x-tenant': 'other' });
    expect(context).toMatchObject({
      tenantId: 't1',
      actor: { id: 'u1', role: 'clerk' },
      now: '2026-05-01T10:00:00.000Z',
    });
  });

  it('derives the command id from the Idempotency-Key so retries are recognised, without keeping the key', () => {
    const a = factory.forStaff({ ...caller, roles: ['clerk'] }, { 'idempotency-key': 'retry-key-0001' });
    const b = factory.forStaff({ ...caller, roles: ['clerk'] }, { 'idempotency-key': 'retry-key-0001' });
    expect(b.commandId).toBe(a.commandId);
    expect(a.commandId).toMatch(/^key-[A-Za-z0-9_-]{43}$/);
    // Nothing the envelope keeps holds the key or the retry seed that a receipt code is derived from.
    const stored = JSON.stringify(metadataFor(a));
    expect(stored).not.toContain('retry-key-0001');
    expect(stored).not.toContain(a.retrySeed);
    expect(a.retrySeed).toBe(b.retrySeed);
    // Another board's same key is another command.
    expect(factory.forStaff({ ...caller, tenantId: 't2' }, { 'idempotency-key': 'retry-key-0001' }).commandId).not.toBe(
      a.commandId,
    );
    expect(factory.forStaff({ ...caller, roles: ['clerk'] }, {}).commandId).not.toBe(
      factory.forStaff({ ...caller, roles: ['clerk'] }, {}).commandId,
    );
  });

  it('ties the key to the request it came with (the server-set digest), and ignores no key', () => {
    const first = factory.forStaff(caller, {
      'idempotency-key': 'retry-key-0002',
      [REQUEST_DIGEST_HEADER]: 'digest-aaaaaaaa',
    });
    const same = factory.forStaff(caller, {
      'idempotency-key': 'retry-key-0002',
      [REQUEST_DIGEST_HEADER]: 'digest-aaaaaaaa',
    });
    const other = factory.forStaff(caller, {
      'idempotency-key': 'retry-key-0002',
      [REQUEST_DIGEST_HEADER]: 'digest-bbbbbbbb',
    });
    expect(first.requestHash).toBeDefined();
    expect(same.requestHash).toBe(first.requestHash);
    expect(other.requestHash).not.toBe(first.requestHash);
    expect(metadataFor(first).requestHash).toBe(first.requestHash);
    expect(factory.forStaff(caller, {}).requestHash).toBeUndefined();
  });

  it('refuses a malformed key with a 400', () => {
    expect(() => factory.forStaff({ ...caller, roles: ['clerk'] }, { 'idempotency-key': 'x' })).toThrow(
      BadRequestException,
    );
    expect(() => factory.forStaff({ ...caller, roles: ['clerk'] }, { 'idempotency-key': 'has spaces in it' })).toThrow(
      BadRequestException,
    );
  });
});
