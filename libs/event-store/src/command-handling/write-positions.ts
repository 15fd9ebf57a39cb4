import { AsyncLocalStorage } from 'node:async_hooks';
import type { Position } from '../port/envelope.js';

/** Where the last write of a unit of work (an HTTP request) sits in the log. */
export interface WriteTrack {
  last: Position | undefined;
}

// Async-local, so the one writer need not be handed the request: every write awaited inside `trackWrites`
// notes its position here, however deep the handler that made it.
const tracks = new AsyncLocalStorage<WriteTrack>();

/** Runs `work` noting, in `track`, the furthest position written (or found again, for a retry) by it. */
export function trackWrites<T>(track: WriteTrack, work: () => T): T {
  return tracks.run(track, work);
}

/** Called by the writer for every append (a retry's first position included); a no-op outside a track. */
export function noteWritten(position: Position): void {
  const track = tracks.getStore();
  if (track && (track.last === undefined || position > track.last)) track.last = position;
}
