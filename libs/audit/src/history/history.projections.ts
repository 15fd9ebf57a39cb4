import type { Projection } from '#event-store';

export const HISTORY_PROJECTIONS: readonly Projection[] = [];
