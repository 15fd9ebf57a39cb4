// The write side's shape (architecture.md): pure functions, no framework, no clock, no I/O.
// Time, ids and the acting user arrive inside the command.

export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  /** Defaults to 1; bump when the data's shape changes (and add an upcaster). */
  readonly schemaVersion?: number;
}

export interface DomainCommand<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Decider<Command extends DomainCommand, Event extends DomainEvent, State> {
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/**
 * A decider's rules, one per command type, each given its own command's type. A table rather than a
 * switch: adding a command adds its type and its rule side by side, and the compiler refuses a table
 * that misses one.
 */
export type Rules<Command extends DomainCommand, Event extends DomainEvent, State> = {
  readonly [Type in Command['type']]: (
    command: Extract<Command, { readonly type: Type }>,
    state: State,
  ) => readonly Event[];
};

/** A decider's decide, from its table of rules. */
export function decideBy<Command extends DomainCommand, Event extends DomainEvent, State>(
  rules: Rules<Command, Event, State>,
): Decider<Command, Event, State>['decide'] {
  return (command, state) => {
    // The table's type says the rule under command.type takes that command; TypeScript cannot follow the
    // link through an index, hence the one cast.
    const rule = rules[command.type as Command['type']] as
      ((command: Command, state: State) => readonly Event[]) | undefined;
    if (!rule) throw new Error(`No rule decides a ${command.type} command.`);
    return rule(command, state);
  };
}

/** Folds events into state with a decider's evolve. */
export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<DomainCommand, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
