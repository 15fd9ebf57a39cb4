import type { Projection } from '#event-store';

// None: a board's settings stream holds a handful of events and is folded on read (VoiceSettings).
export const SETTINGS_PROJECTIONS: readonly Projection[] = [];
