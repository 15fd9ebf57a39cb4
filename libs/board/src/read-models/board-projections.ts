import type { Projection } from '#event-store';

/** Every board read model's projection, for the runner. */
export const BOARD_PROJECTIONS: readonly Projection[] = [];
