import type { Projection } from '#event-store';

export const SETTINGS_PROJECTIONS: readonly Projection[] = [];
