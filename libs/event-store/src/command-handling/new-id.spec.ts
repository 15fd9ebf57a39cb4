import type { CommandContext } from './handle-command.js';
import { followUpContext, idForNew } from './new-id.js';

const context = (commandId: string, tenantId = 'tenant-a'): CommandContext => ({
  tenantId,
  actor: { id: 'user-1', role: 'chair' },
  commandId,
  correlationId: commandId,
  now: '2026-04-14T17:00:00.000Z',
});

describe('ids for new things, derived from the command id', () => {
  it('names the same thing for a retried command, and different things otherwise', () => {
    const id = idForNew(context('key-0001'), 'decision');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idForNew(context('key-0001'), 'decision')).toBe(id);
    expect(idForNew(context('key-0002'), 'decision')).not.toBe(id);
    expect(idForNew(context('key-0001', 'tenant-b'), 'decision')).not.toBe(id);
    expect(idForNew(context('key-0001'), 'action')).not.toBe(id);
  });

  it('prefers the client’s own id', () => {
    expect(idForNew(context('key-0001'), 'decision', 'my-decision')).toBe('my-decision');
  });

  it('gives a second write its own command id, caused by the first', () => {
    const second = followUpContext(context('key-0001'), 'amend');
    expect(second).toMatchObject({ commandId: 'key-0001:amend', causationId: 'key-0001', correlationId: 'key-0001' });
    expect(followUpContext(context('key-0001'), 'amend').commandId).toBe(second.commandId);
  });
});
