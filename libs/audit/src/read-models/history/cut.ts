// Where in the log a time-travel read stops: at a log position, or at an instant of the events' own
// clock (recordedAt). Pure: shared by the folds and the readers.

export type Cut =
  | { readonly kind: 'now' }
  | { readonly kind: 'position'; readonly position: string }
  | { readonly kind: 'time'; readonly asAt: string };

export interface Placed {
  readonly position: string;
  readonly recordedAt: string;
}

/** Was this event recorded at or before the cut? Positions are fixed-width: compared as strings. */
export function within(event: Placed, cut: Cut): boolean {
  switch (cut.kind) {
    case 'now':
      return true;
    case 'position':
      return event.position <= cut.position;
    case 'time':
      // ISO instants from the same clock format compare as strings; normalise the caller's first.
      return event.recordedAt <= cut.asAt;
  }
}

/** An ISO-8601 instant in the store's form (UTC, milliseconds, Z), or undefined when it is not one. */
export function normaliseInstant(raw: string): string | undefined {
  // An unencoded '+' in a query string arrives as a space: "10:00:00 01:00" meant "+01:00".
  const text = raw.replace(/ (\d{2}:\d{2})$/, '+$1');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  // Date.parse rolls 30 February over into March: the calendar date itself must exist.
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export const POSITION_PATTERN = /^\d{20}(:\d{20})*$/;
