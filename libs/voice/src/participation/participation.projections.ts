import type { Projection } from '#event-store';

export const PARTICIPATION_PROJECTIONS: readonly Projection[] = [];
