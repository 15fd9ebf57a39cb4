import { Upcasters } from './upcasters.js';

const stored = (schemaVersion: number, data: unknown) => ({
  id: 'e-1',
  type: 'ContributionSubmitted',
  schemaVersion,
  data,
  hash: 'h',
});

describe('Upcasters', () => {
  const upcasters = new Upcasters()
    // v1 had a single "text" field; v2 renamed it
    .register('ContributionSubmitted', 1, (data) => {
      const { text, ...rest } = data as { text: string };
      return { ...rest, words: text };
    })
    // v3 added a channel, defaulting old events to "web"
    .register('ContributionSubmitted', 2, (data) => ({ ...(data as object), channel: 'web' }));

  it('applies the chain v1 -> v2 -> v3', () => {
    const event = stored(1, { text: 'hello', topic: 'school' });
    expect(upcasters.upcast(event)).toEqual({
      ...event,
      schemaVersion: 3,
      data: { words: 'hello', topic: 'school', channel: 'web' },
    });
    expect(event.data).toEqual({ text: 'hello', topic: 'school' }); // the stored event is not rewritten
  });

  it('starts from the stored version', () => {
    expect(upcasters.upcast(stored(2, { words: 'hi' })).data).toEqual({ words: 'hi', channel: 'web' });
  });

  it('leaves an event unchanged when no upcaster matches', () => {
    const current = stored(3, { words: 'hi', channel: 'app' });
    expect(upcasters.upcast(current)).toBe(current);
    const other = { ...stored(1, { a: 1 }), type: 'MeetingScheduled' };
    expect(upcasters.upcast(other)).toBe(other);
  });

  it('says which version new events are written at', () => {
    expect(upcasters.currentVersion('ContributionSubmitted')).toBe(3);
    expect(upcasters.currentVersion('MeetingScheduled')).toBe(1);
  });

  it('refuses a second upcaster for the same type and version', () => {
    const registry = new Upcasters().register('A', 1, (d) => d);
    expect(() => registry.register('A', 1, (d) => d)).toThrow(/upcaster for A v1 -> v2 is registered twice/);
    expect(() => registry.register('B', 1, (d) => d)).not.toThrow();
  });

  it('refuses a version that cannot exist', () => {
    expect(() => new Upcasters().register('A', 0, (d) => d)).toThrow(/versions start at 1/);
    expect(() => new Upcasters().register('A', 1.5, (d) => d)).toThrow(/versions start at 1/);
  });
});
