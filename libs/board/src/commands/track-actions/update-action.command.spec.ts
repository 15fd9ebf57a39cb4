import type { CommandContext } from '#event-store';
import { mayUpdate } from './update-action.command.js';

const as = (role: CommandContext['actor']['role'], id = 'staff-7'): CommandContext => ({
  tenantId: 't',
  actor: { id, role },
  commandId: 'c',
  correlationId: 'c',
  now: '2026-04-14T17:00:00.000Z',
});

describe('who may update an action', () => {
  it('lets an officer update an action only when they are its officer owner, by staff user id', () => {
    expect(mayUpdate(as('officer'), { officer: { id: 'staff-7', name: 'Head of Placements' } })).toBe(true);
    expect(mayUpdate(as('officer'), { officer: { id: 'staff-8', name: 'Someone else' } })).toBe(false);
    expect(mayUpdate(as('officer'), { officer: { name: 'No account' } })).toBe(false);
    expect(mayUpdate(as('officer'), { memberId: 'staff-7' })).toBe(false);
    expect(mayUpdate(as('officer'), undefined)).toBe(false);
  });

  it('lets the chair and the clerk update any action', () => {
    expect(mayUpdate(as('chair'), { officer: { id: 'staff-8', name: 'Someone else' } })).toBe(true);
    expect(mayUpdate(as('clerk'), { memberId: 'm-1' })).toBe(true);
  });
});
