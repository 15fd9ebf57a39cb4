import { BadRequestException } from '@nestjs/common';
import { FixedClock } from '#platform';
import { CommandContextFactory } from './command-context.factory.js';

const caller = { userId: 'u1', tenantId: 't1', roles: ['clerk'] as const, actingRole: 'clerk' as const };

describe('CommandContextFactory', () => {
  const factory = new CommandContextFactory(new FixedClock(new Date('2026-05-01T10:00:00Z')));

  it('takes tenant and actor from the caller, never from the request', () => {
    const context = factory.forStaff({ ...caller, roles: ['clerk'] }, { 'x-tenant': 'other' });
    expect(context).toMatchObject({
      tenantId: 't1',
      actor: { id: 'u1', role: 'clerk' },
      now: '2026-05-01T10:00:00.000Z',
    });
  });

  it('uses the Idempotency-Key as the command id so retries are recognised', () => {
    const a = factory.forStaff({ ...caller, roles: ['clerk'] }, { 'idempotency-key': 'retry-key-0001' });
    const b = factory.forStaff({ ...caller, roles: ['clerk'] }, { 'idempotency-key': 'retry-key-0001' });
    expect(a.commandId).toBe('retry-key-0001');
    expect(b.commandId).toBe(a.commandId);
    expect(factory.forStaff({ ...caller, roles: ['clerk'] }, {}).commandId).not.toBe(
      factory.forStaff({ ...caller, roles: ['clerk'] }, {}).commandId,
    );
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
