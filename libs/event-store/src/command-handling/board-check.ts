import type { RecordedEvent } from '../port/envelope.js';

/**
 * The board check, the one place it lives: a stream belongs to the board (tenant) of its first event, and
 * to a caller of any other board it reads as absent, as if it did not exist.
 */
export function ofBoard(recorded: readonly RecordedEvent[], tenantId: string): readonly RecordedEvent[] {
  return recorded.length > 0 && isBoards(recorded[0]!, tenantId) ? recorded : [];
}

/** Whether an event was recorded for this board: the check itself, also used event by event (exports). */
export function isBoards(event: RecordedEvent, tenantId: string): boolean {
  return event.metadata.tenantId === tenantId;
}
