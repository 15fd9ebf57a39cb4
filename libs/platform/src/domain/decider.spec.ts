import { decideBy, type DomainCommand, type DomainEvent } from './decider.js';

type Ring = DomainCommand<'Ring', { readonly times: number }>;
type Knock = DomainCommand<'Knock', object>;
type Heard = DomainEvent<'Heard', { readonly sound: string }>;

describe('decideBy', () => {
  const decide = decideBy<Ring | Knock, Heard, number>({
    Ring: ({ data }, state) => [{ type: 'Heard', data: { sound: `ring x${data.times + state}` } }],
    Knock: () => [{ type: 'Heard', data: { sound: 'knock' } }],
  });

  it('runs the rule under the command’s type, with the state', () => {
    expect(decide({ type: 'Ring', data: { times: 2 } }, 1)).toEqual([{ type: 'Heard', data: { sound: 'ring x3' } }]);
    expect(decide({ type: 'Knock', data: {} }, 0)).toEqual([{ type: 'Heard', data: { sound: 'knock' } }]);
  });

  it('refuses a command no rule decides, naming its type', () => {
    expect(() => decide({ type: 'Shout', data: {} } as unknown as Ring, 0)).toThrow('No rule decides a Shout command.');
  });
});
