import type { Projection } from '#event-store';
import { STAFF_VOICE_PROJECTIONS } from '../staff/staff.projections.js';
import { YOUNG_PEOPLE_PROJECTIONS } from '../young-people/young-people.projections.js';

/** Every voice read model's projection, for the runner. */
export const VOICE_PROJECTIONS: readonly Projection[] = [...YOUNG_PEOPLE_PROJECTIONS, ...STAFF_VOICE_PROJECTIONS];
