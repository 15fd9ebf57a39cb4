import type { RecordedEvent } from '../port/envelope.js';

/**
 * The board check, the one place it lives: a stream belongs to the board (tenant) of its first event, and
 * to a caller of any other board it reads as absent, as if it did not exist.
 */
export function ofBoard(recorded: readonly RecordedEvent[], tenantId: string): readonly RecordedEvent[] {
  return recorded.length > 0 && recorded[0]!.metadata.tenantId === tenantId ? recorded : [];
}
