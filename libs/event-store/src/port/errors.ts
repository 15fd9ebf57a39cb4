import { describeExpected, type ExpectedRevision } from './expected-revision.js';

/** The stream was not at the revision the caller expected. */
export class WrongExpectedVersion extends Error {
  override readonly name = 'WrongExpectedVersion';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or 'no_stream'. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      `stream ${stream}: expected revision ${describeExpected(expected)}, actual ${
        typeof actual === 'bigint' ? actual.toString() : actual
      }`,
    );
  }
}

/** The store refused the request as malformed (empty batch, bad stream name...). */
export class InvalidAppend extends Error {
  override readonly name = 'InvalidAppend';
}

/** The store could not be reached or failed; the caller may retry. */
export class EventStoreUnavailable extends Error {
  override readonly name = 'EventStoreUnavailable';
}
