import type { Projection } from '#event-store';
import { PARTICIPATION_PROJECTIONS } from '../participation/participation.projections.js';
import { PUBLIC_PROJECTIONS } from '../public/public.projections.js';
import { SETTINGS_PROJECTIONS } from '../settings/settings.projections.js';
import { STAFF_VOICE_PROJECTIONS } from '../staff/staff.projections.js';
import { YOUNG_PEOPLE_PROJECTIONS } from '../young-people/young-people.projections.js';
import { boardOutcomesProjection } from './board-outcomes/board-outcomes.projection.js';

/** Every voice read model's projection, for the runner. */
export const VOICE_PROJECTIONS: readonly Projection[] = [
  ...SETTINGS_PROJECTIONS,
  ...YOUNG_PEOPLE_PROJECTIONS,
  ...STAFF_VOICE_PROJECTIONS,
  ...PARTICIPATION_PROJECTIONS,
  ...PUBLIC_PROJECTIONS,
  // What the board did (meetings, decisions, citations, actions), told to young people and the public.
  boardOutcomesProjection,
];
