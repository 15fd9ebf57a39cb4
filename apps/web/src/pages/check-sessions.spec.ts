import { CheckSessionStore } from './check-sessions.js';

describe('CheckSessionStore', () => {
  it('gives unguessable, distinct ids (256 bits, base64url) and finds nothing without one', () => {
    const store = new CheckSessionStore();
    const ids = new Set(Array.from({ length: 100 }, () => store.newId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.get(undefined)).toBeUndefined();
    expect(store.get('no-such-id')).toBeUndefined();
  });

  it('keeps a code for its id only, and forgets it when asked', () => {
    const store = new CheckSessionStore();
    const mine = store.newId();
    store.set(mine, { code: '7KQ2-M9XD-4RTW-8HJN-5' });
    expect(store.get(mine)?.code).toBe('7KQ2-M9XD-4RTW-8HJN-5');
    expect(store.get(store.newId())).toBeUndefined();
    store.delete(mine);
    expect(store.get(mine)).toBeUndefined();
  });
});
