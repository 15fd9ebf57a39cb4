import { AssertionError } from 'node:assert';
import { RuleBroken, type Decider, type DomainCommand, type DomainEvent } from '#platform';
import { givenWhenThen } from './given-when-then.js';

// A counter that refuses to go above 2: just enough decider to test the helper.
type Add = DomainCommand<'Add', { n: number; note?: string }>;
type Added = DomainEvent<'Added', { n: number; note?: string }>;
const counter: Decider<Add, Added, number> = {
  decide: ({ data }, total) => {
    if (total + data.n > 2) throw new RuleBroken('too-many', 'Too many');
    return [{ type: 'Added', data }];
  },
  evolve: (total, event) => total + event.data.n,
  initialState: () => 0,
};
const add = (n: number, note?: string): Add => ({ type: 'Add', data: { n, note } });
const added = (n: number): Added => ({ type: 'Added', data: { n } });
const { given } = givenWhenThen(counter);

describe('given/when/then', () => {
  it('passes when the decided events match, comparing them as stored (undefined fields vanish)', () => {
    expect(
      given([added(1)])
        .when(add(1))
        .then([added(1)]),
    ).toEqual([{ type: 'Added', data: { n: 1, note: undefined } }]);
  });

  it('fails when the events differ', () => {
    expect(() =>
      given([])
        .when(add(1))
        .then([added(2)]),
    ).toThrow(AssertionError);
    expect(() =>
      given([])
        .when(add(1, 'why'))
        .then([added(1)]),
    ).toThrow(AssertionError);
  });

  it('fails when events were expected but the command was refused', () => {
    expect(() =>
      given([added(2)])
        .when(add(1))
        .then([added(1)]),
    ).toThrow(/refused: RuleBroken \[too-many\]/);
  });

  it('returns the error when refused with the expected type and code', () => {
    const error = given([added(2)])
      .when(add(1))
      .thenThrows(RuleBroken, 'too-many');
    expect(error.message).toBe('Too many');
  });

  it('fails when the command was not refused, or refused with another code or type', () => {
    expect(() => given([]).when(add(1)).thenThrows(RuleBroken)).toThrow(/decided \["Added"\]/);
    expect(() =>
      given([added(2)])
        .when(add(1))
        .thenThrows(RuleBroken, 'other'),
    ).toThrow(AssertionError);
    expect(() =>
      given([added(2)])
        .when(add(1))
        .thenThrows(TypeError),
    ).toThrow(AssertionError);
  });
});
