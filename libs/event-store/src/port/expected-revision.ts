/**
 * What the caller expects of a stream when appending:
 * a 0-based revision (the stream's last event), or one of the KurrentDB-style keywords.
 */
export type ExpectedRevision = bigint | 'no_stream' | 'stream_exists' | 'any';

/** Current state of a stream: its last revision, or undefined when it has no events. */
export function satisfies(expected: ExpectedRevision, current: bigint | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    default:
      return current === expected;
  }
}

export function describeExpected(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? expected.toString() : expected;
}
