import type { Projection } from '#event-store';

export const STAFF_VOICE_PROJECTIONS: readonly Projection[] = [];
