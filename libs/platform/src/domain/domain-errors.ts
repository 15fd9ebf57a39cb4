// Typed errors deciders throw. One HTTP filter maps them to RFC 9457 problem details;
// the domain never knows about HTTP.

export abstract class DomainError extends Error {
  /** A stable, dash-case code clients can switch on (becomes part of the problem type URI). */
  abstract readonly code: string;
  constructor(
    message: string,
    /** Extra, non-personal facts for the client. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A business rule was broken by an otherwise well-formed request (HTTP 422). */
export class RuleBroken extends DomainError {
  constructor(
    readonly code: string,
    message: string,
    details?: Readonly<Record<string, unknown>>,
  ) {
    super(message, details);
  }
}

/** The thing addressed does not exist, or is not visible to the caller (HTTP 404). */
export class NotFound extends DomainError {
  readonly code = 'not-found';
}

/** The caller may not do this (HTTP 403). */
export class Forbidden extends DomainError {
  readonly code = 'forbidden';
}

/** Concurrent changes could not be reconciled by retrying (HTTP 409). */
export class Conflict extends DomainError {
  readonly code = 'conflict';
}

/** Input the decider could not accept as a value (HTTP 400), when validation at the edge cannot see it. */
export class InvalidInput extends DomainError {
  readonly code = 'invalid-input';
  constructor(
    message: string,
    readonly errors: ReadonlyArray<{ field: string; reason: string }>,
  ) {
    super(message, { errors });
  }
}
