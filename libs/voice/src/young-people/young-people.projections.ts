import type { Projection } from '#event-store';

export const YOUNG_PEOPLE_PROJECTIONS: readonly Projection[] = [];
