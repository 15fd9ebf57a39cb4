import type { Projection } from '#event-store';

export const PUBLIC_PROJECTIONS: readonly Projection[] = [];
