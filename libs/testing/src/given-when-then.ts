import assert from 'node:assert/strict';
import { fold, type Decider, type DomainCommand, type DomainEvent } from '#platform';

// given(events).when(command).then(events) for any decider. Built on node:assert rather than Jest's
// expect so it compiles with the production build too; Jest reports an AssertionError as a failure.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ErrorType<E extends Error> = abstract new (...args: any[]) => E;

type Result<Event> = { readonly events: readonly Event[] } | { readonly error: unknown };

export interface Given<Command, Event> {
  when(command: Command): Then<Event>;
}

export interface Then<Event> {
  /** Asserts the exact events decided (compared as stored: JSON, so undefined fields vanish). */
  then(expected: readonly Event[]): readonly Event[];
  /** Asserts the command was refused with this error type and, if given, this stable code. */
  thenThrows<E extends Error>(type: ErrorType<E>, code?: string): E;
}

export function givenWhenThen<Command extends DomainCommand, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
): { given(events?: readonly Event[]): Given<Command, Event> } {
  return {
    given(history = []) {
      const state = fold(decider, history);
      return {
        when(command) {
          let result: Result<Event>;
          try {
            result = { events: decider.decide(command, state) };
          } catch (error) {
            result = { error };
          }
          return outcome(decider, state, result);
        },
      };
    },
  };
}

function outcome<Command extends DomainCommand, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  state: State,
  result: Result<Event>,
): Then<Event> {
  return {
    then(expected) {
      if ('error' in result) assert.fail(`expected events but the command was refused: ${explain(result.error)}`);
      assert.deepStrictEqual(asStored(result.events), asStored(expected));
      // The decided events must also fold, or the stream would be unreadable once appended.
      result.events.reduce(decider.evolve, state);
      return result.events;
    },
    thenThrows(type, code) {
      if (!('error' in result)) {
        assert.fail(
          `expected ${type.name} but the command decided ${JSON.stringify(result.events.map((e) => e.type))}`,
        );
      }
      const error = result.error;
      assert.ok(error instanceof type, `expected ${type.name} but got ${explain(error)}`);
      if (code !== undefined) assert.equal((error as Error & { code?: string }).code, code, explain(error));
      return error;
    },
  };
}

function asStored(events: readonly DomainEvent[]): unknown {
  return JSON.parse(JSON.stringify(events));
}

function explain(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as Error & { code?: string }).code;
  return `${error.name}${code ? ` [${code}]` : ''}: ${error.message}`;
}
